"""Sentence splitting: the word before a stop is found as re finds it, however long the sentence."""
from __future__ import annotations

import pytest
import spacy

from analysis.components import mark_sentence_starts
from analysis.structure import _WORD_BEFORE, _word_before

LONG = "This sentence runs on for quite a while before it reaches its closing words, "


@pytest.mark.parametrize("piece", [
    LONG * 3 + "as Dr.",
    LONG * 3 + "in the U.S.",
    LONG * 3 + "e.g.)\"",
    LONG + "and then it stopped" + "!" * 70 + ".",  # a long run of stops
    LONG + "x" * 90 + ".",  # a long word
    "Dr.",
    "",
    LONG * 2 + "?!”",
])
def test_structure_word_before_matches_re(piece: str) -> None:
    expected = _WORD_BEFORE.search(piece)
    found = _word_before(piece)
    assert (found and (found.span(), found.group(1))) == (expected and (expected.span(), expected.group(1)))


@pytest.mark.parametrize("text, starts, expected", [
    ("One two. Three four.", {0, 9}, [True, False, False, True, False, False]),
    ("One two. Three four.", {9}, [True, False, False, True, False, False]),  # the first token always starts
    ("Alpha beta gamma", {6}, [True, True, False]),
])
def test_structure_sentence_starts_marked(text: str, starts: set[int], expected: list[bool]) -> None:
    doc = spacy.blank("en")(text)
    mark_sentence_starts(doc, starts)
    assert [t.is_sent_start for t in doc] == expected
