"""Word-anchored matching finds exactly what re finds, only faster."""
from __future__ import annotations

import re
import sys

import pytest

from analysis.rulebook import cue_sets
from analysis.wordscan import WordAnchored, fold_exceptions, head_finder, word_heads

CUE = r"(?<![\w-])(?:{})(?![\w])"
PATTERNS = {
    "phrases": CUE.format(r"miracle\s+cure|cur[\w'’-]*|100%|breakthrough|no\s+side\s+effects"),
    "optional lead word": CUE.format(r"(?:pain\s+)?relie(?:f|vers?)\s+(?:gels?|creams?)"),
    "case-sensitive part": CUE.format(r"(?-i:Dr\.?\s+[A-Z]\w+)|professor"),
    "boundary": r"\b(?:proven|guaranteed)\b",
    "short words": CUE.format(r"no|not|is\s+it|a\s+few"),
}
TEXTS = [
    "This miracle cure works. Cures, curing and CURE all count; secure and procure do not.",
    "Pain relief creams and RELIEVERS gels; non-cure, ex-breakthrough, 100% of users.",
    "Dr. Smith and Dr Jones (professor emeritus) said dr. lowe is not a doctor.",
    "It is proven... is it? Guaranteed—unproven—a few, A FEW, afew, no, not, nothing.",
    "The \u212aelvin sign: \u212aure; a dotted \u0130 and a long \u017fure; \u0130s it cure?",
    "café-cure, naïve cure_, cure’s, under_score cure, 1cure, Ⅰcure, ß cure, ﬁ no",
    "",
    "cure",
]


@pytest.mark.parametrize("name", sorted(PATTERNS))
@pytest.mark.parametrize("text", TEXTS)
def test_wordscan_finds_what_re_finds(name: str, text: str) -> None:
    pattern = re.compile(PATTERNS[name], re.IGNORECASE)
    scanner = WordAnchored(pattern)
    assert scanner.heads is not None
    assert [m.span() for m in scanner.find(text)] == [m.span() for m in pattern.finditer(text)]
    for pos in range(len(text) + 1):
        for endpos in (pos, (pos + len(text)) // 2, len(text)):
            expected = pattern.search(text, pos, endpos)
            found = scanner.search(text, pos, endpos)
            assert (found and found.span()) == (expected and expected.span()), (pos, endpos)


@pytest.mark.parametrize("pattern, flags, heads", [
    (CUE.format(r"miracle\s+cure|cur[\w'’-]*"), re.I, {"mira", "cur"}),
    (CUE.format(r"(?:pain\s+)?relief"), re.I, {"pain", "reli"}),
    (r"\b(?:is|are)\b", re.I, {"is", "are"}),
    (CUE.format(r"(?-i:Dr\.?\s+[A-Z]\w+)"), re.I, {"dr"}),
    (r"cure", re.I, None),  # may start inside a word ("procure")
    (CUE.format(r"\d+%"), re.I, None),  # starts with no known letter
    (CUE.format(r"“cure”"), re.I, None),  # starts with a quotation mark
    (r"\bcure\b", 0, None),  # case-sensitive: left to plain re
    (r"\bcure\b", re.I | re.A, None),  # ASCII word boundaries differ from the index's
])
def test_wordscan_word_heads(pattern: str, flags: int, heads: set[str] | None) -> None:
    found = word_heads(re.compile(pattern, flags))
    assert (None if found is None else set(found)) == heads


@pytest.mark.parametrize("heads, text, starts", [
    ({"can", "cann", "cure"}, "we cannot cure; scant canned cures", [3, 10, 22, 29]),
    ({"no"}, "no, not, nothing; know", [0, 4, 9]),
])
def test_wordscan_head_finder_marks_word_starts(heads: set[str], text: str, starts: list[int]) -> None:
    assert [m.start() for m in head_finder(frozenset(heads)).finditer(text)] == starts


def test_wordscan_bundled_cue_groups_match_as_re() -> None:
    text = " ".join(TEXTS) + (" Studies show this cream may help, experts say; it is not proven to cure "
                              "eczema, although patients report it relieves itching [3].")
    for group in cue_sets().values():
        if group.pattern is not None:
            assert [m.span() for m in group.find(text)] == [m.span() for m in group.pattern.finditer(text)]


def test_wordscan_lower_case_keeps_words() -> None:
    """What the index relies on, over all of Unicode: outside fold_exceptions(), lower case keeps
    each character one character, a word character or not as before, and re.IGNORECASE equates
    a character with an ASCII letter only when its lower case is that letter."""
    odd = fold_exceptions()
    word = re.compile(r"\w")
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if odd.match(char):
            continue
        lower = char.lower()
        assert len(lower) == 1, hex(code)
        assert bool(word.match(char)) == bool(word.match(lower)), hex(code)
        if not char.isascii():
            assert not letter.match(char), hex(code)
