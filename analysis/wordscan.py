"""Exact, fast matching of word-anchored cue patterns: a pattern is tried only where a word starts
with letters one of its matches could start with, instead of at every character of the text.

Python's re tries a case-insensitive alternation of hundreds of cues at every position of a text,
and skips none of them (it has no fast path for case-insensitive literals). A cue pattern whose
every match starts a word (after a `(?<![\\w-])` or `\\b`) with known letters ("cur", "elim",
"prov") can only match where a word of the text starts with them; the words of a text are
indexed once by their first letters, and the pattern is run, anchored, at those words only.
The matches are exactly those of `finditer`/`search`: every position where a match could start is
tried, in text order, and a pattern this module cannot read is simply run as usual.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

# Letters of a word indexed: enough to tell most cues apart, few enough to keep the index small.
HEAD_CHARS = 4
_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


class WordAnchored:
    """A compiled case-insensitive pattern with the word beginnings its matches start with."""

    __slots__ = ("pattern", "heads", "_head_finder")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.heads = word_heads(pattern)  # None: the pattern runs everywhere, as plain re
        self._head_finder = head_finder(self.heads) if self.heads else None

    def find(self, text: str) -> list[re.Match[str]]:
        """The matches of `pattern.finditer(text)`."""
        starts = self._starts(text)
        if starts is None:
            return list(self.pattern.finditer(text))
        found = []
        end = 0
        match = self.pattern.match
        for position in starts:
            if position >= end:
                hit = match(text, position)
                if hit is not None:
                    found.append(hit)
                    end = hit.end()
        return found

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The match of `pattern.search(text, pos, endpos)`."""
        endpos = len(text) if endpos is None else endpos
        starts = self._starts(text)
        if starts is None:
            return self.pattern.search(text, pos, endpos)
        match = self.pattern.match
        for index in range(bisect.bisect_left(starts, pos), len(starts)):
            if starts[index] >= endpos:
                break
            hit = match(text, starts[index], endpos)
            if hit is not None:
                return hit
        return None

    def _starts(self, text: str) -> tuple[int, ...] | None:
        return None if self._head_finder is None else _candidate_starts(self._head_finder, text)


@lru_cache(maxsize=2048)
def _candidate_starts(finder: re.Pattern[str], text: str) -> tuple[int, ...] | None:
    """Where in `text` a word starts with one of the finder's beginnings; None: try everywhere."""
    folded = folded_text(text)
    if folded is None:
        return None
    return tuple(m.start() for m in finder.finditer(folded))


@lru_cache(maxsize=256)
def folded_text(text: str) -> str | None:
    """`text` in lower case, or None when lower case would not show what re.IGNORECASE matches
    (a Kelvin sign, a dotted capital I…): every pattern then runs as plain re on that text.
    Elsewhere lower-casing keeps each character's place and whether it is a word character
    (tests/analysis/test_wordscan.py checks this over the whole of Unicode)."""
    return None if fold_exceptions().search(text) else text.lower()


def head_finder(heads: frozenset[str]) -> re.Pattern[str]:
    """A case-sensitive pattern for lower-case text matching where a word starts with one of
    `heads`; the beginnings are laid out as a tree so that each letter is tried once."""
    shortest = {h for h in heads if not any(h.startswith(o) and h != o for o in heads)}
    return re.compile(r"(?<!\w)" + _tree(sorted(shortest)))


def _tree(heads: list[str]) -> str:
    branches = []
    for first in sorted({h[0] for h in heads}):
        rest = [h[1:] for h in heads if h[0] == first]
        branches.append(re.escape(first) + ("" if "" in rest else _tree(rest)))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


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


# -- reading a pattern's word beginnings -----------------------------------------------

def word_heads(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The lower-case letters (up to HEAD_CHARS) that every match of `pattern` starts a word with,
    or None when some match may start elsewhere than at a word's start, or with no known letter."""
    if pattern.flags & (re.ASCII | re.LOCALE) or not pattern.flags & re.IGNORECASE:
        return None  # the index is lower case, its words those of Unicode \\w
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except re.error:
        return None
    if not _starts_word(items):
        return None
    heads = _heads(items, {""})
    if heads is None or "" in heads:
        return None
    return frozenset(h[:HEAD_CHARS] for h in heads)


def _starts_word(items: list[Any]) -> bool:
    """Whether the sequence asserts, before it consumes anything, that no word character precedes."""
    for op, value in items:
        if op is _constants.ASSERT_NOT and value[0] == -1 and _is_word_class(list(value[1])):
            return True
        if op is _constants.AT and value is _constants.AT_BOUNDARY:
            return True  # followed by a word letter (every head is one): no word character before
        if op is _constants.SUBPATTERN and _only_case_flags(value):
            if _starts_word(list(value[3])):
                return True
            if _consumes(list(value[3])):
                return False
            continue
        if op is _constants.BRANCH:
            return all(_starts_word(list(branch)) for branch in value[1])
        if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            continue
        return False
    return False


def _is_word_class(items: list[Any]) -> bool:
    """A one-character class that holds every word character, such as [\\w-]."""
    return (len(items) == 1 and items[0][0] is _constants.IN
            and (_constants.CATEGORY, _constants.CATEGORY_WORD) in items[0][1]
            and not any(op is _constants.NEGATE for op, _ in items[0][1]))


def _consumes(items: list[Any]) -> bool:
    return any(op not in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT) for op, _ in items)


def _heads(items: list[Any], open_heads: set[str]) -> set[str] | None:
    """Word beginnings of the matches of `items`, each preceded by one of `open_heads`; None when
    some match may begin with a character that is not a known word letter. Beginnings grow
    through literal letters and stop at anything else: a shorter beginning is still one."""
    for index, (op, value) in enumerate(items):
        if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            continue  # zero-width: consumes nothing
        if op is _constants.LITERAL:
            char = chr(value).lower()
            if len(char) == 1 and char.isascii() and _WORD_CHAR.match(char):
                open_heads = {h + char for h in open_heads}
                if all(len(h) >= HEAD_CHARS for h in open_heads):
                    break
                continue
        elif op is _constants.SUBPATTERN and _only_case_flags(value):
            # case-sensitive or not, a literal letter's lower case is what the index holds
            return _nonempty(_heads(list(value[3]), open_heads))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            least, _, body = value
            repeated = _heads(list(body), open_heads)
            if least >= 1 or repeated is None:
                return _nonempty(repeated)
            skipped = _heads(items[index + 1:], open_heads)  # an optional item may be absent
            return None if skipped is None else _nonempty(repeated | skipped)
        elif op is _constants.BRANCH:
            found: set[str] = set()
            for branch in value[1]:
                inner = _heads(list(branch), open_heads)
                if inner is None:
                    return None
                found |= inner
            return _nonempty(found)
        break
    return _nonempty(open_heads)


def _only_case_flags(subpattern: Any) -> bool:
    return not (subpattern[1] | subpattern[2]) & ~re.IGNORECASE


def _nonempty(heads: set[str] | None) -> set[str] | None:
    return None if heads is None or "" in heads else heads
