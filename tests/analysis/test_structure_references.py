"""Reference sections and bibliography lines are not prose: no claim or readability.sentence findings."""
from __future__ import annotations

import pytest

from analysis.audit import Auditor
from analysis.rulebook import cue_sets
from analysis.structure import mark_references
from runstore.records import Article, Block

REFERENCES = [
    "Whelton PK, Carey RM, Aronow WS, et al. 2017 ACC/AHA guideline for the prevention, detection, "
    "evaluation, and management of high blood pressure in adults. Hypertension. 2018;71:e13-e115.",
    "Sacks FM, Svetkey LP, Vollmer WM, et al. Effects on blood pressure of reduced dietary sodium "
    "and the Dietary Approaches to Stop Hypertension diet. N Engl J Med. 2001;344:3-10.",
]


def article_with(section_heading: str, entries: list[str], kind: str = "list-item") -> Article:
    parts = ["Salt and blood pressure", "Cutting salt lowers blood pressure in most adults [1].",
             section_heading, *entries]
    text, blocks, cursor = "", [], 0
    for index, part in enumerate(parts):
        block_kind = "heading" if index in (0, 2) else ("paragraph" if index == 1 else kind)
        blocks.append(Block(block_kind, cursor, cursor + len(part)))
        text += part + "\n\n"
        cursor = len(text)
    return Article(url="r", text=text, blocks=blocks)


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor({"hard_sentences": 10})


@pytest.mark.parametrize("heading", ["References", "Sources", "Bibliography", "Further reading:"])
def test_structure_references_section_entries_are_not_findings(auditor, heading):
    article = article_with(heading, REFERENCES)
    audit = next(auditor.audit([article]))
    in_references = [f for f in audit.findings if f.start >= article.text.index(REFERENCES[0])]
    assert not [f for f in in_references if f.rule.startswith("claim.") or f.rule == "readability.sentence"]


def test_structure_references_bibliography_line_outside_section(auditor):
    article = article_with("Reading list", REFERENCES, kind="paragraph")
    audit = next(auditor.audit([article]))
    assert not [f for f in audit.findings if "Whelton" in f.text or "Sacks" in f.text]


def test_structure_references_section_ends_at_prose():
    cues = cue_sets()
    text = "References\nSmith J. A trial. BMJ. 2020;1:2-3.\nMedical disclaimer: this is not advice."
    blocks = [Block("heading", 0, 10), Block("list-item", 11, 43), Block("paragraph", 44, len(text))]
    kinds = [b.kind for b in mark_references(text, blocks, cues["structure.reference_heading"],
                                             cues["structure.bibliography"])]
    assert kinds == ["heading", "reference", "paragraph"]


@pytest.mark.parametrize("line", ["Hepatitis B, C and D are spread by blood.", "Vitamin D is made in the skin.",
                                  "Dr. Jane Roe explains the options.", "Drink less alcohol."])
def test_structure_references_prose_is_not_bibliography(line):
    assert not cue_sets()["structure.bibliography"].search(line)
