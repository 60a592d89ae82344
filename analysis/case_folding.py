"""Lower-cased and word-marked forms of a text that keep every character's place.

Each is made once per text and kept for the many patterns read in it (see analysis.wordscan)."""
from __future__ import annotations

import re
from functools import lru_cache

# Texts up to this long are sentences, longer ones articles: each kind has caches of its own, so
# that the many sentences read while an article is audited never push the article out (and
# analysis.wordscan scans a sentence afresh each time: keeping its places costs more).
SHORT_TEXT = 400
# What marked text (see marked_text) holds in place of each character that is not a word character.
MARK = "\x01"
# The characters that are not word characters that articles hold most, replaced first with
# str.replace (each a fast pass); re replaces the rest.
COMMON_NON_WORD = " \n.,;:!?()[]\"'-/%&“”‘’–—\xa0\t…"
_OTHER_NON_WORD = re.compile(r"[^\w\x01]")


def folded_text(text: str) -> str | None:
    """`text` in lower case, or None when lower case would not show what re.IGNORECASE matches
    (a Kelvin sign, a dotted capital I…): every pattern then runs as plain re on that text.
    Elsewhere lower-casing keeps each character's place and whether it is a word character
    (tests/analysis/test_wordscan.py checks this over the whole of Unicode)."""
    return _fold_article(text) if len(text) > SHORT_TEXT else _fold_sentence(text)


def _fold(text: str) -> str | None:
    return None if fold_exceptions().search(text) else text.lower()


# Two caches, so that the many sentences and windows read while an article is audited never push
# its whole text out (it is looked up again at every sentence).
_fold_article = lru_cache(maxsize=64)(_fold)
_fold_sentence = lru_cache(maxsize=256)(_fold)


def marked_text(text: str) -> str | None:
    """MARK, then `text` folded (see folded_text) with each character that is not a word character
    replaced by MARK, so that each word start is a MARK followed by a word character, at the
    place of the word in `text` (the MARK in front stands for the start of the text). None when
    the text cannot be folded or holds MARK itself."""
    return _mark_article(text) if len(text) > SHORT_TEXT else _mark_sentence(text)


def _mark(text: str) -> str | None:
    folded = folded_text(text)
    if folded is None or MARK in folded:
        return None
    for char in COMMON_NON_WORD:
        if char in folded:
            folded = folded.replace(char, MARK)
    return MARK + _OTHER_NON_WORD.sub(MARK, folded)


_mark_article = lru_cache(maxsize=64)(_mark)
_mark_sentence = lru_cache(maxsize=256)(_mark)


@lru_cache(maxsize=1)
def fold_exceptions() -> re.Pattern[str]:
    """Characters that re.IGNORECASE equates with an ASCII letter other than their own lower
    case, or whose lower case is longer (the dotted capital I)."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    odd = [chr(c) for c in range(128, 0x10000)
           if letter.fullmatch(chr(c)) or _maps_to_ascii(chr(c)) or len(chr(c).lower()) != 1]
    return re.compile("[" + "".join(re.escape(c) for c in odd) + "]" if odd else "(?!)")


def _maps_to_ascii(char: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in char.lower() + char.upper() + char.casefold())
