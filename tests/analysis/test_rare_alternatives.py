"""A big cue group with a cue that may begin anywhere matches exactly as its alternation does."""
from __future__ import annotations

import pytest

from analysis.rare_alternatives import RareAlternatives
from analysis.rulebook import compile_cues

# seventy cues with known beginnings, and one that may begin anywhere but holds "ologists"
CUES = {"cues": [f"claim{n} works" for n in range(70)] + ["experts say", "studies show"],
        "patterns": [r"\w+ologists\s+(?:say|agree)\b"]}
TEXTS = [
    "Experts say claim12 works; dermatologists agree and studies show it.",
    "Dermatologists say so. claim3 works, claim33 works, experts say.",
    "No cue here at all, only words such as ologists and sayings.",
    "studies show" * 3 + " Cardiologists   SAY claim7 works",
    "claim1 works. " * 40 + "Neurologists say experts say.",  # a long text: places kept per text
    "",
]


@pytest.fixture(scope="module")
def group():
    return compile_cues("test.vague", CUES)


def test_rare_alternatives_used_for_big_group(group):
    assert isinstance(group.scanner, RareAlternatives)
    assert group.scanner.words == ("ologists",)


@pytest.mark.parametrize("text", TEXTS)
def test_rare_alternatives_find_what_re_finds(group, text):
    assert [m.span() for m in group.find(text)] == [m.span() for m in group.pattern.finditer(text)]
    for pos in range(0, len(text) + 1, 3):
        for endpos in (pos, (pos + len(text)) // 2, len(text)):
            expected = group.pattern.search(text, pos, endpos)
            found = group.scanner.search(text, pos, endpos)
            assert (found and found.span()) == (expected and expected.span()), (pos, endpos)
