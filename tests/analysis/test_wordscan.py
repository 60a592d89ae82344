"""Word-anchored matching finds exactly what re finds, only faster."""
from __future__ import annotations

import re
import sys

import pytest

from analysis.rulebook import cue_regex, cue_sets
from analysis.pattern_reading import DIGIT, TEXT_START, contained_literals, match_heads, starts_text
from analysis.any_cue import AnyOf
from analysis.case_folding import MARK, fold_exceptions, marked_text
from analysis.wordscan import TABLE_ALTERNATIVES, WordAnchored, head_finder

CUE = r"(?<![\w-])(?:{})(?![\w])"
PATTERNS = {
    "phrases": CUE.format(r"miracle\s+cure|cur[\w'’-]*|100%|breakthrough|no\s+side\s+effects"),
    "optional lead word": CUE.format(r"(?:pain\s+)?relie(?:f|vers?)\s+(?:gels?|creams?)"),
    "case-sensitive part": CUE.format(r"(?-i:Dr\.?\s+[A-Z]\w+)|professor"),
    "boundary": r"\b(?:proven|guaranteed)\b",
    "short words": CUE.format(r"no|not|is\s+it|a\s+few"),
    "inside words": r"(?P<mon>may|mar|dec)[a-z]*\.?\s+(?P<d>\d{1,2})",
    "case-sensitive": r"\b(Dr\.|Prof\.)\s+[A-Z]\w*|x-ray",
    "numbers": CUE.format(r"\d+\s*%|n\s*=\s*\d+|[¹²³]+|\[\d+\]"),
    "dates": r"(?P<d>[0-3]?\d)(st|nd|rd|th)?\s+(?P<mon>may|dec)[a-z]*",
    "text start or words": CUE.format(r"^\W*(?-i:[A-Z]\w+\s[A-Z]{1,3})\b|doi:\s*10\.\d+|\bcure"),
    "text start or many words": CUE.format(r"^\W*(?-i:[A-Z]\w+\s[A-Z]{1,3})\b|doi:\s*10\.\d+|\bcure|pmid:?\s*\d+|"
                                           r"retrieved|(?:19|20)\d\d"),
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
    "Published May 3, 2020; dismay 4 and Dec. 12; MAR 7, xmay 8. DR. Who; Dr. Who; x-ray, X-ray.",
    "In 40% (n = 12, N=7, n=٣) of cases²³ [4] ٣٠ %, x5%, 5x%, 1¹ and ¹².",
    "«Cure» ‹no› ¿cure? cure\u2028no \u3000a few x\x01cure under_cure ·miracle cure· †breakthrough",
]
TEXTS.append(" ".join(t for t in TEXTS if "\x01" not in t and "\u212a" not in t))  # long: places kept per text


@pytest.mark.parametrize("name", sorted(PATTERNS))
@pytest.mark.parametrize("text", TEXTS)
def test_wordscan_finds_what_re_finds(name: str, text: str) -> None:
    pattern = re.compile(PATTERNS[name], 0 if name == "case-sensitive" else re.IGNORECASE)
    scanner = WordAnchored(pattern)
    assert scanner.heads is not None
    assert [m.span() for m in scanner.find(text)] == [m.span() for m in pattern.finditer(text)]
    for pos in range(len(text) + 1):
        for endpos in (pos, (pos + len(text)) // 2, len(text)):
            expected = pattern.search(text, pos, endpos)
            found = scanner.search(text, pos, endpos)
            assert (found and found.span()) == (expected and expected.span()), (pos, endpos)


@pytest.mark.parametrize("name", sorted(PATTERNS))
@pytest.mark.parametrize("text", [TEXTS[-1], TEXTS[-1].replace("\u0130", "I"), "cure " * 100])
def test_wordscan_search_each_stretch_as_re(name: str, text: str) -> None:
    # stretches that start inside words, end inside beginnings, or are empty: each searched as
    # re searches the stretch alone
    pattern = re.compile(PATTERNS[name], 0 if name == "case-sensitive" else re.IGNORECASE)
    spans = [(start, min(len(text), start + size)) for start in range(0, len(text), 2) for size in (0, 3, 17, 60)]
    found = WordAnchored(pattern).search_each(text, spans)
    expected = [pattern.search(text[start:end]) for start, end in spans]
    assert [m and (m.span(), m.group()) for m in found] == [m and (m.span(), m.group()) for m in expected]


@pytest.mark.parametrize("pattern, flags, heads, at_word_start", [
    (CUE.format(r"miracle\s+cure|cur[\w'’-]*"), re.I, {"mira", "cur"}, True),
    (CUE.format(r"(?:pain\s+)?relief"), re.I, {"pain", "reli"}, True),
    (r"\b(?:is|are)\b", re.I, {"is", "are"}, True),
    (CUE.format(r"(?-i:Dr\.?\s+[A-Z]\w+)"), re.I, {"dr", "dr."}, True),
    (r"\b(our|my) (product|clinic)", 0, {"our ", "my p", "my c"}, True),  # through groups
    (r"\b(a|an) (new |old )*(study)", re.I, {"a ne", "a ol", "a st", "an n", "an o", "an s"}, True),
    (r"\b(a|an|)x", re.I, None, False),  # a group that may match nothing: the beginning is unknown
    (r"cure", re.I, {"cure"}, False),  # may start inside a word ("procure")
    (r"\((nasdaq|nyse)[:)]", re.I, {"(nas", "(nys"}, False),
    (r"\b“cure”", re.I, {"“cur"}, False),  # a character with no case; "\b" then says a word precedes
    (CUE.format(r"\d+%|[¹²]"), re.I, {DIGIT, "¹", "²"}, True),  # any digit, or one of a few characters
    (r"(?P<d>[0-3]?\d)(st|th)?\s+may", re.I, {DIGIT}, False),  # a range of digits: some digit
    (r"[a-c]x", re.I, None, False),  # a range of letters is not read
    (CUE.format(r"^\W*[A-Z]\w+|\bdoi:"), re.I, {TEXT_START, "doi:"}, True),  # "^": the text's start
    (r"\Ax|cure", re.I | re.M, {TEXT_START, "cure"}, False),
    (r"^x|cure", re.I | re.M, {"x", "cure"}, False),  # "^" starts every line: x may begin anywhere
    (CUE.format(r"\w+%"), re.I, None, False),  # starts with no known character
    (CUE.format(r"[^a]x"), re.I, None, False),
    (CUE.format(r"µg"), re.I, None, False),  # re.IGNORECASE equates µ with μ and Μ
    (r"\bcure\b", re.I | re.A, None, False),  # ASCII word boundaries differ from the finder's
])
def test_wordscan_match_heads(pattern: str, flags: int, heads: set[str] | None, at_word_start: bool) -> None:
    found = match_heads(re.compile(pattern, flags))
    assert (None if found is None else (set(found[0]), found[1])) == (
        None if heads is None else (heads, at_word_start))


@pytest.mark.parametrize("heads, at_word_start, text, starts", [
    ({"can", "cann", "cure"}, True, "we cannot cure; scant canned cures", [3, 10, 22, 29]),
    ({"no"}, True, "no, not, nothing; know", [0, 4, 9]),
    ({"no"}, False, "no, not, nothing; know", [0, 4, 9, 19]),
    ({"x-ra", "ray"}, False, "an x-ray array", [3, 5, 11]),  # beginnings that overlap
    ({"(nas", "(nys"}, False, "(NYSE: X) (nasdaq:Y", [10]),  # lower-case text only
    # more first characters than FEW_FIRST_CHARS: the word-start test comes first
    (set("abcdefghi") | {"x-ra"}, True, "an x-ray, a hedge\nfig; xa", [0, 3, 10, 12, 18]),
    (set("abcdefghi") | {"x-ra"}, False, "an x-ray", [0, 3, 6]),
])
def test_wordscan_head_finder_marks_beginnings(heads: set[str], at_word_start: bool, text: str,
                                               starts: list[int]) -> None:
    finder = head_finder(frozenset(heads), at_word_start)
    assert [m.start() for m in finder.finditer(text)] == starts


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
    digit = re.compile(r"\d")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if odd.match(char):
            continue
        lower = char.lower()
        assert len(lower) == 1, hex(code)
        assert bool(word.match(char)) == bool(word.match(lower)), hex(code)
        if not char.isascii():
            assert not letter.match(char), hex(code)
        if digit.match(char):  # what a DIGIT beginning stands for stays a digit
            assert digit.match(lower), hex(code)


@pytest.mark.parametrize("pattern, flags, at_start", [
    (r"^a", 0, True),
    (r"\Aa|^b", 0, True),
    (r"(?<![\w-])(?:^\s*(?:photo|credit)\b[^\n]*$)(?![\w])", re.I, True),
    (r"^a", re.M, False),  # "^" starts every line
    (r"(?m:^a)", 0, False),
    (r"x^a", 0, False),
    (r"(?:^a|b)", 0, False),
])
def test_wordscan_starts_text(pattern: str, flags: int, at_start: bool) -> None:
    assert starts_text(re.compile(pattern, flags)) is at_start


@pytest.mark.parametrize("text", TEXTS + ["Photo: a nurse\nCredit: x", "  PHOTO by me", "A photo", "\nphoto"])
@pytest.mark.parametrize("pattern", [r"(?<![\w-])(?:^\s*(?:photo|credit)\b[^\n]*$)(?![\w])",
                                     r"^\W*(?:references?|sources?)\W*$"])
def test_wordscan_text_start_finds_what_re_finds(pattern: str, text: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    scanner = WordAnchored(compiled)
    assert [m.span() for m in scanner.find(text)] == [m.span() for m in compiled.finditer(text)]
    for pos in range(min(len(text), 3) + 1):
        expected = compiled.search(text, pos)
        found = scanner.search(text, pos)
        assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("pattern, flags, literals", [
    (CUE.format(r"\w+ologists\s+(?:say|agree)|experts\s+say"), re.I, {"ologists", "experts"}),
    (r"studies\s+show", re.I, {"studies"}),  # the longer run of the two
    (r"(?:\w+\s+)?(?:treated|managed)\s+with", re.I, {"treated", "managed"}),
    (r"(?-i:[A-Z]\w+\s+Journal)", re.I, {"journal"}),  # a case-sensitive literal, in lower case
    (r"x+(?:alpha|be)\d", 0, None),  # "be" (a match "xbe1") is too short to look for, and so is "x"
    (r"x+(?:alpha|beta)\d", 0, {"alpha", "beta"}),
    (r"\w+(?:cure|heal)?", re.I, None),  # an optional group guarantees nothing
    (r"\w+\s+(?:cure|\d+)", re.I, None),  # one branch holds no literal
    (r"(?<=said )\w+", re.I, None),  # what a look-behind sees is not in the match
    (r"caf\u00e9s?\s+\w+", re.I, {"caf"}),  # a cased non-ASCII letter ends a run
])
def test_wordscan_contained_literals(pattern: str, flags: int, literals: set[str] | None) -> None:
    found = contained_literals(re.compile(pattern, flags))
    assert (None if found is None else set(found)) == literals


@pytest.mark.parametrize("text", TEXTS + [
    "Dermatologists say so. Experts say, and pharmacologists agree; cardiologists   AGREE too.",
    "Ethnologists sayings; expert say; OLOGISTS SAY. " * 12,  # a long text: places kept per text
])
def test_wordscan_literal_screen_finds_what_re_finds(text: str) -> None:
    pattern = re.compile(CUE.format(r"\w+ologists\s+(?:say|agree)|experts\s+say"), re.IGNORECASE)
    scanner = WordAnchored(pattern)
    assert scanner.heads is None and scanner.literals is not None
    assert_scans_as_re(scanner, pattern, text, step=7, width=30)


def assert_scans_as_re(scanner: WordAnchored, pattern: re.Pattern[str], text: str, step: int, width: int) -> None:
    """The scanner's find and search give re's finditer and search, for stretches of `text`."""
    assert [m.span() for m in scanner.find(text)] == [m.span() for m in pattern.finditer(text)]
    for pos in range(0, len(text) + 1, step):
        for endpos in (pos, pos + width, len(text)):
            expected = pattern.search(text, pos, endpos)
            found = scanner.search(text, pos, endpos)
            assert (found and found.span()) == (expected and expected.span()), (pos, endpos)


CUES = [r"miracle\s+cure", r"cur[\w'’-]*", r"a\s+third", r"is\s+safe", r"no\s+side\s+effects", r"breakthrough"]


@pytest.mark.parametrize("cues", [CUES, CUES + [r"\w+ologists\s+say"], CUES + [r"\d+%"]],
                         ids=["known beginnings", "a cue that may begin anywhere", "a cue that begins with a digit"])
@pytest.mark.parametrize("text", TEXTS + [
    "A third of them; a thirds; it is safe, is safer; no side effects. Dermatologists say 40% " * 8,
])
def test_wordscan_any_of_tells_what_search_tells(cues: list[str], text: str) -> None:
    alternation = re.compile(cue_regex(cues), re.IGNORECASE)
    any_of = AnyOf(WordAnchored(alternation), [re.compile(cue_regex([c]), re.IGNORECASE) for c in cues])
    spans = []
    for pos in range(0, len(text) + 1, 3):
        for endpos in (pos, pos + 9, pos + 40, len(text)):
            assert any_of.search(text, pos, endpos) is bool(alternation.search(text, pos, endpos)), (pos, endpos)
            spans.append((pos, endpos))
    # many stretches at once, as the sentences of an article are checked
    assert any_of.holds_each(text, spans) == [bool(alternation.search(text, *span)) for span in spans]


@pytest.mark.parametrize("text", TEXTS)
def test_wordscan_marked_text_marks_every_word_start(text: str) -> None:
    marked = marked_text(text)
    if MARK in text or fold_exceptions().search(text):
        assert marked is None
        return
    assert marked is not None and len(marked) == len(text) + 1
    word_starts = [m.start() for m in re.finditer(r"(?<!\w)\w", text)]
    assert [i for i in range(len(text)) if marked[i] == MARK and marked[i + 1:i + 2].isalnum() or
            marked[i] == MARK and marked[i + 1:i + 2] == "_"] == word_starts
    assert all((marked[i + 1] == MARK) is (re.fullmatch(r"\w", c) is None) for i, c in enumerate(text))


BIG_GROUP = [r"miracle\s+cure", r"cure\s+rates?", r"cur[\w'’-]*", r"cure", r"no\s+side\s+effects", r"no\s+more",
             r"a\s+third", r"a\s+few", r"is\s+safe", r"is\s+it", r"(?:dr|prof)\.?\s+(?-i:[A-Z]\w+)"] + \
            [f"{word}s?" for word in ("relief", "remedy", "reverse", "heal", "ease", "boost", "lower", "prevent",
                                      "treat", "help", "work", "improve", "restore", "repair", "rebuild", "fix",
                                      "strengthen", "protect", "shield", "calm", "soothe", "clear", "banish")] + \
            [f"{word}\\s+(?:pain|symptoms|risk)" for word in ("reduce", "reduced", "reduces", "less", "fewer",
                                                               "lower", "lowers", "lowered", "cut", "cuts", "end",
                                                               "ends", "ended", "stop", "stops", "stopped", "beat",
                                                               "beats", "fight", "fights", "ease", "eases", "eased",
                                                               "no", "not", "without", "with", "a", "any", "all")]


@pytest.mark.parametrize("text", TEXTS + [
    "Dr. Smith: no more pain, no side effects; cure rates rose. A third eased pain, a few had less risk. " * 6,
    "It relieves, heals and soothes; it cuts pain and ends symptoms — is it safe? Is safe. Prof. Who cured.",
])
def test_wordscan_big_group_tried_by_beginnings_finds_what_re_finds(text: str) -> None:
    assert len(BIG_GROUP) >= TABLE_ALTERNATIVES
    pattern = re.compile(cue_regex(BIG_GROUP), re.IGNORECASE)
    scanner = WordAnchored(pattern, [re.compile(cue_regex([cue]), re.IGNORECASE) for cue in BIG_GROUP])
    assert scanner._table is not None
    assert_scans_as_re(scanner, pattern, text, step=5, width=25)


def test_wordscan_rule_groups_find_what_their_alternation_finds() -> None:
    sentences = TEXTS + [
        "This cream completely eliminates eczema in children and is 100% safe, with no side effects.",
        "Acupuncture may reduce chronic pain, studies show; the drug works by blocking pain signals.",
        "Most patients report that the treatment relieved their symptoms within weeks, Dr. Roe said.",
    ]
    for name, group in cue_sets().items():
        if group.pattern is None or len(group.alternatives) < TABLE_ALTERNATIVES:
            continue
        for text in sentences:
            assert [m.span() for m in group.find(text)] == [m.span() for m in group.pattern.finditer(text)], name
