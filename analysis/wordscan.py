r"""Exact, fast matching of rule patterns: a pattern is tried only where the text holds one of the
beginnings its matches must start with ("cur", "elim", "prov"), instead of at every character.

Python's re tries a case-insensitive alternation of hundreds of cues at every position of a text
and can skip none of them (it has no fast path for case-insensitive literals). A rule pattern
whose every match starts with known characters can only match where the lower-cased text holds
one of those beginnings (at the start of a word, when the pattern says so with `(?<![\w-])` or
`\b`); those places are found with one case-sensitive scan, and the pattern is run, anchored,
there only. The matches are exactly those of `finditer`/`search`: every position where a match
could start is tried, in text order, and a pattern whose beginnings are unknown runs as usual.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any, Iterable, Sequence

from analysis.case_folding import MARK, SHORT_TEXT, fold_exceptions, folded_text, marked_text
from analysis.pattern_reading import DIGIT, HEAD_CHARS, TEXT_START, contained_literals, match_heads, starts_text

# From this many alternatives on, an alternation's alternatives are tried only where they may
# begin (see CueTable); with fewer, re's own tries of each branch cost less than the lookups.
TABLE_ALTERNATIVES = 64
# Openings (see CueTable) kept at most; beyond that the table starts afresh.
MAX_OPENINGS = 50_000
# Up to this many distinct first characters, a finder lets re skip the others in C.
FEW_FIRST_CHARS = 8
# From this many distinct first characters of the beginnings on, looking for them from word
# start to word start in marked text is faster than head_finder's patterns (measured).
WORD_FINDER_FIRST_CHARS = 3
# Up to this many beginnings, their places are found with one str.find pass over the folded text
# each (in C, at memory speed) rather than by a finder pattern that re tries at every word start
# or at every occurrence of a first character: on an article, about 1 us a pass against 20-50 us
# a finder (measured). In marked text, where every word start is a MARK, str.find is slower.
FIND_HEADS = 16
_WORD_CHAR = re.compile(r"\w")
_TEXT_START = (0,)


class WordAnchored:
    """A compiled pattern with the beginnings its matches start with (see match_heads)."""

    __slots__ = ("pattern", "heads", "literals", "_head_finder", "_word_finder", "_head_strings", "_from_text_start",
                 "_at_text_start", "_table")

    def __init__(self, pattern: re.Pattern[str], alternatives: Sequence[re.Pattern[str]] = ()) -> None:
        """`alternatives`: when `pattern` is their alternation, each compiled on its own. With
        many of them, only those that may begin at a place are tried there (see CueTable)."""
        self.pattern = pattern
        self._table = CueTable.of(alternatives) if len(alternatives) >= TABLE_ALTERNATIVES else None
        found = match_heads(pattern)
        self.heads = found[0] if found else None  # None: the pattern runs everywhere, as plain re
        self._head_finder = head_finder(*found) if found else None
        self._word_finder = word_start_finder(*found) if found else None
        self._head_strings = head_strings(*found) if found else None
        # a match may also begin at the start of the text (the word finder leaves that place out)
        self._from_text_start = bool(found) and any(TEXT_START in head for head in found[0])  # type: ignore[index]
        # a pattern anchored at the start of the text ("^…" without re.MULTILINE) is tried there
        # only, where re would try it, and fail at once, everywhere else too
        self._at_text_start = starts_text(pattern)
        # strings one of which every match holds: where the beginnings are unknown, a text or a
        # stretch of an article that holds none of them is passed over untried (where they are
        # known, the beginnings already pass over such texts at less cost)
        self.literals = contained_literals(pattern) if self._head_finder is None else None
        fold_exceptions()  # made once, with the pipeline, rather than in each worker process

    @property
    def finds(self) -> int | None:
        """The str.find passes over a text that find the places of the beginnings (None: a
        finder pattern finds them, or they are unknown)."""
        return None if self._head_strings is None else len(self._head_strings[0])

    def find(self, text: str) -> list[re.Match[str]]:
        """The matches of `pattern.finditer(text)`."""
        starts = self.starts(text)
        if starts is None:
            if self.literals is not None and not self._may_hold(text, 0, len(text)):
                return []
            return list(self.pattern.finditer(text))
        if self._table is not None:
            return self._table.find(text, starts)
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
        starts = self.starts(text)
        if starts is None:
            if self.literals is not None and not self._may_hold(text, pos, endpos):
                return None
            return self.pattern.search(text, pos, endpos)
        if self._table is not None:
            return self._table.search(text, starts, pos, endpos)
        match = self.pattern.match
        for index in range(bisect.bisect_left(starts, pos), len(starts)):
            if starts[index] >= endpos:
                break
            hit = match(text, starts[index], endpos)
            if hit is not None:
                return hit
        return None

    def search_each(self, text: str, spans: Sequence[tuple[int, int]]) -> list[re.Match[str] | None]:
        """`pattern.search(text[start:end])` for each (start, end) of `spans` (the blocks of an
        article), with the places of the beginnings found once, over the whole text. A stretch
        holds the same beginnings at the same places as the text, but its first character starts
        a word whatever comes before it in the text: that place is always tried."""
        places = self.starts(text) if len(text) > SHORT_TEXT and self._table is None and not self._at_text_start else None
        if places is None:
            return [self.search(text[start:end]) for start, end in spans]
        match = self.pattern.match
        found: list[re.Match[str] | None] = []
        for start, end in spans:
            stretch = text[start:end]
            hit = match(stretch)
            if hit is None:
                for index in range(bisect.bisect_right(places, start), len(places)):
                    if places[index] >= end:
                        break
                    hit = match(stretch, places[index] - start)
                    if hit is not None:
                        break
            found.append(hit)
        return found

    def _may_hold(self, text: str, pos: int, endpos: int) -> bool:
        """Whether text[pos:endpos] may hold a match: a literal of the pattern begins there."""
        if len(text) > SHORT_TEXT:
            places = _literal_places(self, text)
            if places is None:
                return True
            index = bisect.bisect_left(places, pos)
            return index < len(places) and places[index] < endpos
        folded = folded_text(text)
        return folded is None or any(folded.find(literal, pos, endpos) >= 0 for literal in self.literals)  # type: ignore[union-attr]

    def starts(self, text: str) -> tuple[int, ...] | list[int] | None:
        """Where in `text` a match may begin, in order (kept for long texts); None: anywhere."""
        if self._at_text_start:
            return _TEXT_START
        if self._head_finder is None:
            return None
        if len(text) > SHORT_TEXT:
            return _found_starts(self, text)
        return self._places(text)

    def _places(self, text: str) -> list[int] | None:
        """Where a beginning is in `text`, in order; None: try everywhere."""
        if self._head_strings is not None:
            folded = folded_text(text)
            if folded is not None:
                places = string_places(folded, *self._head_strings)
                if self._from_text_start and (not places or places[0] != 0):
                    places.insert(0, 0)
                return places
        if self._word_finder is not None:
            marked = marked_text(text)
            if marked is not None:
                places = list(map(re.Match.start, self._word_finder.finditer(marked)))
                if self._from_text_start and (not places or places[0] != 0):
                    places.insert(0, 0)
                return places
        folded = folded_text(text)
        return None if folded is None else list(map(re.Match.start, self._head_finder.finditer(folded)))  # type: ignore[union-attr]


class CueTable:
    """The alternatives of an alternation, each compiled on its own, by where they may begin. At a
    place of a text only the alternatives with a beginning that the text opens with there can
    match, and the alternation matches there as the first of them (in its order) that matches:
    Python's re would try every branch of a big alternation at every place."""

    __slots__ = ("_by_head", "_by_opening")

    def __init__(self, by_head: dict[str, list[tuple[int, Any]]]) -> None:
        self._by_head = by_head
        # the alternatives to try by the text's first HEAD_CHARS characters at a place (folded),
        # found once for each opening: a few thousand, the beginnings of a language's words
        self._by_opening: dict[str, tuple[Any, ...]] = {}

    @classmethod
    def of(cls, alternatives: Sequence[re.Pattern[str]], keys: Sequence[Any] = ()) -> CueTable | None:
        """None when an alternative may begin anywhere, at any digit or at the start of the text.
        `keys`: what `at` gives for each alternative (default: the alternative itself)."""
        by_head: dict[str, list[tuple[int, Any]]] = {}
        for index, pattern in enumerate(alternatives):
            found = match_heads(pattern)
            if found is None or any(DIGIT in head or TEXT_START in head for head in found[0]):
                return None
            for head in found[0]:
                by_head.setdefault(head, []).append((index, keys[index] if keys else pattern))
        return cls(by_head)

    def at(self, folded: str, place: int) -> tuple[Any, ...]:
        """The alternatives (or their keys), in order, that may begin at `place` of a text whose
        lower case is `folded`."""
        opening = folded[place:place + HEAD_CHARS]
        found = self._by_opening.get(opening)
        if found is None:
            if len(self._by_opening) >= MAX_OPENINGS:
                self._by_opening.clear()
            by_index = {index: key for size in range(1, len(opening) + 1)
                        for index, key in self._by_head.get(opening[:size], ())}
            found = self._by_opening[opening] = tuple(by_index[i] for i in sorted(by_index))
        return found

    def find(self, text: str, starts: Sequence[int]) -> list[re.Match[str]]:
        """The alternation's matches (`finditer`), given the places where an alternative may begin."""
        folded = folded_text(text)
        found: list[re.Match[str]] = []
        end = 0
        for position in starts:
            if position >= end:
                for pattern in self.at(folded, position):  # type: ignore[arg-type]
                    hit = pattern.match(text, position)
                    if hit is not None:
                        found.append(hit)
                        end = hit.end()
                        break
        return found

    def search(self, text: str, starts: Sequence[int], pos: int, endpos: int) -> re.Match[str] | None:
        """The alternation's first match in text[pos:endpos] (`search`)."""
        return self._first(text, folded_text(text), starts, pos, endpos)  # type: ignore[arg-type]

    def holds_each(self, text: str, starts: Sequence[int], spans: Iterable[tuple[int, int]]) -> list[bool]:
        """For each (pos, endpos) of `spans`, whether the alternation matches in text[pos:endpos]:
        `search` for many stretches (the sentences of an article), looked up together."""
        folded = folded_text(text)
        return [self._first(text, folded, starts, pos, endpos) is not None for pos, endpos in spans]  # type: ignore[arg-type]

    def _first(self, text: str, folded: str, starts: Sequence[int], pos: int, endpos: int) -> re.Match[str] | None:
        for index in range(bisect.bisect_left(starts, pos), len(starts)):
            place = starts[index]
            if place >= endpos:
                break
            for pattern in self.at(folded, place):
                hit = pattern.match(text, place, endpos)
                if hit is not None:
                    return hit
        return None


@lru_cache(maxsize=1024)
def _found_starts(scanner: WordAnchored, text: str) -> tuple[int, ...] | None:
    """Where in a long `text` the scanner's finder finds a beginning, in order, kept for the many
    searches of one article text; None: try everywhere. (Keyed by the scanner, whose hash is its
    identity: a compiled pattern's hash and equality read all of its code every time.)"""
    places = scanner._places(text)
    return None if places is None else tuple(places)


@lru_cache(maxsize=1024)
def _literal_places(scanner: WordAnchored, text: str) -> tuple[int, ...] | None:
    """Where in a long `text` one of the scanner's literals begins, in order, kept for the many
    searches of one article text; None: the lower case cannot be trusted, try everywhere."""
    folded = folded_text(text)
    if folded is None:
        return None
    return tuple(sorted(place for place, _ in literal_places(folded, scanner.literals)))  # type: ignore[arg-type]


def literal_places(folded: str, literals: Iterable[str]) -> list[tuple[int, str]]:
    """Each place where one of `literals` begins in `folded`, with the literal, unordered."""
    found = []
    for literal in literals:
        place = folded.find(literal)
        while place >= 0:
            found.append((place, literal))
            place = folded.find(literal, place + 1)
    return found


def head_finder(heads: frozenset[str], at_word_start: bool) -> re.Pattern[str]:
    """A case-sensitive pattern for lower-case text that matches the first character of each place
    where one of `heads` begins (at a word's start only, if so told), with the rest of the
    beginning as a lookahead so that beginnings inside another are found too; the beginnings
    are laid out as a tree, so that each character is tried once.

    Each branch opens with a first character, so that re skips, in C, every character that
    starts none; but for beginnings at word starts with many first characters, most places are
    refused by the word-start test, which then comes first."""
    shortest = _shortest(heads)
    firsts = sorted({h[0] for h in shortest})
    if at_word_start and len(firsts) > FEW_FIRST_CHARS:
        return re.compile((r"(?<!\w)" if at_word_start else "") + f"(?={_tree(sorted(shortest))})")
    guard = r"(?<!\w[\s\S])" if at_word_start else ""  # no word character before the first
    branches = []
    for first in firsts:
        rest = sorted(h[1:] for h in shortest if h[0] == first)
        branches.append(_char_pattern(first) + guard + ("" if "" in rest else f"(?={_tree(rest)})"))
    return re.compile("|".join(branches))


def word_start_finder(heads: frozenset[str], at_word_start: bool) -> re.Pattern[str] | None:
    """For beginnings that start words: a pattern for marked text (see marked_text) that matches
    the MARK before each word that opens with one of them. It opens with a literal character,
    so re skips in C from word start to word start, where head_finder's patterns test every
    character of the text. A beginning's characters that are not word characters are MARKs in
    marked text ("dr." is looked for as "dr" and a MARK): the places found may be more, never
    fewer. Beginnings at the start of the text are left out: the caller tries the start itself.
    None for beginnings inside words, and where head_finder's pattern is faster: when one or two
    characters start all beginnings, re finds them at once."""
    heads = frozenset(h for h in heads if TEXT_START not in h)
    if not at_word_start or not heads or len({h[0] for h in heads}) < WORD_FINDER_FIRST_CHARS:
        return None
    marked = {"".join(c if c == DIGIT or _WORD_CHAR.fullmatch(c) else MARK for c in h) for h in heads}
    shortest = _shortest(marked)
    return re.compile(re.escape(MARK) + f"(?={_tree(sorted(shortest))})")


def head_strings(heads: frozenset[str], at_word_start: bool) -> tuple[tuple[str, ...], bool] | None:
    """A few beginnings as strings to find in folded text with str.find, and whether they are
    wanted at word starts only. Beginnings at the start of the text are left out (the caller
    tries the start itself). None when one holds DIGIT (any digit) or when there are more than
    FIND_HEADS."""
    spelled = {h for h in heads if TEXT_START not in h}
    if not spelled or any(DIGIT in h for h in spelled):
        return None
    shortest = _shortest(spelled)
    return (tuple(sorted(shortest)), at_word_start) if len(shortest) <= FIND_HEADS else None


def string_places(folded: str, strings: Iterable[str], at_word_start: bool = False) -> list[int]:
    """Where one of `strings` begins in `folded`, in order (none of them begins another, so each
    place is found once); with `at_word_start`, only where no word character comes before."""
    places = []
    for string in strings:
        place = folded.find(string)
        while place >= 0:
            if not at_word_start or place == 0 or not (folded[place - 1].isalnum() or folded[place - 1] == "_"):
                places.append(place)
            place = folded.find(string, place + 1)
    places.sort()
    return places


def _shortest(heads: Iterable[str]) -> set[str]:
    """The beginnings that no other of `heads` begins: where a longer one is, a shorter one is too."""
    heads = set(heads)
    return {h for h in heads if not any(h.startswith(o) and h != o for o in heads)}


def _tree(heads: list[str]) -> str:
    branches = []
    for first in sorted({h[0] for h in heads}):
        rest = [h[1:] for h in heads if h[0] == first]
        branches.append(_char_pattern(first) + ("" if "" in rest else _tree(rest)))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _char_pattern(char: str) -> str:
    return r"\d" if char == DIGIT else r"\A" if char == TEXT_START else re.escape(char)
