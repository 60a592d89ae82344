"""Quick rejection of rule patterns: the words every match needs, and the texts that lack them."""
from __future__ import annotations

import re

import pytest

from analysis.disclaimers import _squeeze, normalise
from analysis.readability import not_prose_spans
from analysis.rulebook import QuickPattern, ScanText, ignores_case, required_literals


@pytest.mark.parametrize("pattern, flags, literals, folds", [
    (r"\bet al\.", 0, ("et al.",), False),
    (r"(?i:\bdoi\s*:|doi\.org/|\bpmid:?\s*\d)", 0, ("doi", "doi.org/", "pmid"), True),
    (r"(?i:doi)|PMID", 0, None, False),  # only part of it ignores case: no literals needed
    (r"Funded by", re.I, ("funded by",), True),
    # long enough words: the smaller set, not every pairing of the two
    (r"\b(our|my) (product|clinic)\b", re.I, (" clinic", " product"), True),
    # short words rule out little: the pairings, longer, are looked for
    (r"\b(our|my) (pill|cure)\b", re.I, ("my cure", "my pill", "our cure", "our pill"), True),
])
def test_rulebook_required_literals(pattern: str, flags: int, literals: tuple[str, ...] | None,
                                    folds: bool) -> None:
    compiled = re.compile(pattern, flags)
    assert required_literals(compiled) == literals
    assert ignores_case(compiled) is folds


@pytest.mark.parametrize("text, possible", [
    ("See DOI: 10.1000/xyz", True),
    ("PMID 12345", True),
    ("No identifiers here.", False),
])
def test_rulebook_quick_pattern_scoped_case(text: str, possible: bool) -> None:
    quick = QuickPattern.of(re.compile(r"(?i:\bdoi\s*:|doi\.org/|\bpmid:?\s*\d)"))
    assert quick.possible(ScanText(text)) is possible
    assert bool(quick.search(ScanText(text))) is possible


def test_rulebook_reference_lines_found_in_any_case() -> None:
    text = "Body text here.\nSmith J. A trial of tea. DOI: 10.1136/bmj.m123\nMore body text."
    start = text.index("Smith")
    assert (start, text.index("\nMore")) in not_prose_spans(text)


@pytest.mark.parametrize("text, plain, squeezed", [
    ("A  b\tc\nd", "a  b c d", "a b c d"),
    ("x\u00a0\u2003y\r\nz", "x  y  z", "x y z"),
    ("“Quote” – it’s", "\"quote\" - it's", "\"quote\" - it's"),
    ("‘A’ — B\u00a0C", "'a' - b c", "'a' - b c"),
    ("   ", "   ", " "),
    ("", "", ""),
])
def test_rulebook_disclaimer_text_normalised(text: str, plain: str, squeezed: str) -> None:
    assert normalise(text) == plain
    assert _squeeze(normalise(text)) == squeezed
