"""Whether a stretch of text (a sentence of an article) holds any cue of some groups at all: the
cheap test run on every sentence before a full reading of the few that may hold one."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from analysis.pattern_reading import contained_literals, match_heads
from analysis.rulebook import CueSet, cues_alone
from analysis.case_folding import SHORT_TEXT, folded_text
from analysis.wordscan import CueTable, WordAnchored, literal_places


def any_cue(groups: list[CueSet]) -> AnyOf:
    """Whether a stretch of text holds a cue of any of the groups, with each cue also compiled
    on its own, so that at each place only the cues that may begin there are tried."""
    joined = "|".join(f"(?:{c.pattern.pattern})" for c in groups if c.pattern)
    alternation = WordAnchored(re.compile(joined, re.IGNORECASE))
    compiled = [cues_alone(c.alternatives, re.IGNORECASE) for c in groups]
    alone = [] if None in compiled else [p for each in compiled for p in each]  # type: ignore[union-attr]
    if not alone or not all(c.alternatives for c in groups):
        alone = [alternation.pattern]  # groups not made by compile_cues: the alternation as it is
    return AnyOf(alternation, alone)


class AnyOf:
    """Whether any of several patterns matches within a stretch of a text, as `search` of their
    alternation would tell, at less cost: at each place where one may begin (the scanner of
    their alternation finds those), only the patterns with a beginning found there are tried
    (see CueTable). Patterns that may begin anywhere ("\\w+ologists say") are searched for one
    by one in the stretches that hold their words."""

    __slots__ = ("scanner", "_table", "_by_literal")

    def __init__(self, alternation: WordAnchored, patterns: list[re.Pattern[str]]) -> None:
        self.scanner = alternation
        self._table = CueTable.of(patterns)
        # when some pattern may begin anywhere: the patterns by the words they hold
        self._by_literal = _by_literal(patterns) if any(match_heads(p) is None for p in patterns) else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether one of the patterns matches in text[pos:endpos] (what
        `bool(alternation.search(text, pos, endpos))` says)."""
        return self.holds_each(text, [(pos, len(text) if endpos is None else endpos)])[0]

    def holds_each(self, text: str, spans: list[tuple[int, int]]) -> list[bool]:
        """`search` for each (pos, endpos) of `spans`: the sentences of an article, read together."""
        if self._table is None:
            if self._by_literal is not None:
                return self._holds_by_literal(text, spans)
            return [self.scanner.search(text, pos, endpos) is not None for pos, endpos in spans]
        starts = self.scanner.starts(text)
        if starts is None:
            return [self.scanner.search(text, pos, endpos) is not None for pos, endpos in spans]
        return self._table.holds_each(text, starts, spans)

    def _holds_by_literal(self, text: str, spans: list[tuple[int, int]]) -> list[bool]:
        """A match holds one of its pattern's words, which then begins in text[pos:endpos]: only
        the stretches holding such a word are searched, and only for that word's patterns."""
        found = _literal_hits(self, text) if len(text) > SHORT_TEXT else _find_literals(self, text)
        if found is None:
            return [self.scanner.search(text, pos, endpos) is not None for pos, endpos in spans]
        held = []
        for pos, endpos in spans:
            first = bisect.bisect_left(found, (pos,))  # the first word at or after pos
            held.append(first < len(found) and found[first][0] < endpos
                        and self._search_by_literal(text, found, first, pos, endpos))
        return held

    def _search_by_literal(self, text: str, found: tuple[tuple[int, str], ...], first: int, pos: int,
                           endpos: int) -> bool:
        tried: set[str] = set()
        for index in range(first, len(found)):
            place, literal = found[index]
            if place >= endpos:
                break
            # a stretch (a sentence) is short: re's own search of the word's patterns, joined into
            # one alternation (it matches where one of them does), is cheap there
            if literal not in tried:
                tried.add(literal)
                if any(p.search(text, pos, endpos) is not None for p in self._by_literal[literal]):  # type: ignore[index]
                    return True
        return False


def _by_literal(patterns: list[re.Pattern[str]]) -> dict[str, tuple[re.Pattern[str], ...]] | None:
    """The patterns by the words one of which each of their matches holds (see
    contained_literals), joined into one alternation per word where they can be; None when
    some pattern has no such words."""
    by_literal: dict[str, tuple[re.Pattern[str], ...]] = {}
    for pattern in patterns:
        literals = contained_literals(pattern)
        if literals is None:
            return None
        for literal in literals:
            by_literal[literal] = by_literal.get(literal, ()) + (pattern,)
    return {literal: _joined(found) for literal, found in by_literal.items()}


def _joined(patterns: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """One alternation of the patterns, or the patterns as they are when they cannot be joined
    (flags of their own, a group name used twice)."""
    if len(patterns) < 2 or len({p.flags for p in patterns}) > 1:
        return patterns
    try:
        return (re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags),)
    except re.error:
        return patterns


def _find_literals(any_of: AnyOf, text: str) -> tuple[tuple[int, str], ...] | None:
    """Where each of the patterns' words begins in `text`, in order; None: the lower case cannot
    be trusted."""
    folded = folded_text(text)
    if folded is None:
        return None
    return tuple(sorted(literal_places(folded, any_of._by_literal)))  # type: ignore[arg-type]


# kept for the many stretches (sentences) of one article text searched in turn
_literal_hits = lru_cache(maxsize=64)(_find_literals)
