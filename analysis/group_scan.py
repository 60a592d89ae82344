"""Cue groups read from the same sentences, found there together in one pass.

A claim sentence is read with a dozen cue groups (benefit, hedges, absolute and sensational words,
doubt, the kinds of support...). Each group scanned on its own costs one pass over the sentence
for its beginnings and one call; read together, one pass finds the word starts where a cue of any
of them may begin, and at each only the cues that may begin there are tried (see CueTable). Each
group's matches are exactly its own scanner's: it is tried at the same places, in the same order.
"""
from __future__ import annotations

import re
from typing import Any, Sequence

from analysis.pattern_reading import DIGIT, TEXT_START, match_heads
from analysis.case_folding import SHORT_TEXT, folded_text, marked_text
from analysis.wordscan import CueTable, word_start_finder

# Sentences whose matches are kept, for the groups asked for one after the other.
KEPT_SENTENCES = 32


class GroupScan:
    """The matches of several cue groups in a sentence (`finditer` of each group's pattern)."""

    __slots__ = ("_table", "_finder", "_size", "_kept")

    def __init__(self, table: CueTable, finder: re.Pattern[str], size: int) -> None:
        self._table = table
        self._finder = finder
        self._size = size
        self._kept: dict[str, list[list[re.Match[str]]]] = {}

    @classmethod
    def of(cls, groups: Sequence[tuple[re.Pattern[str], Sequence[re.Pattern[str]]]]) -> GroupScan | None:
        """`groups`: each group's pattern, with its cues compiled on their own (or none: the
        pattern is then tried whole, as its scanner tries it). None when a group's matches may
        begin elsewhere than at a word start, at a digit or at the start of the text."""
        entries: list[re.Pattern[str]] = []
        keys: list[tuple[int, re.Pattern[str]]] = []
        heads: set[str] = set()
        for number, (pattern, alternatives) in enumerate(groups):
            found = match_heads(pattern)
            if found is None or not found[1] or any(DIGIT in h or TEXT_START in h for h in found[0]):
                return None
            heads |= found[0]
            for entry in alternatives or [pattern]:
                entries.append(entry)
                keys.append((number, entry))
        table = CueTable.of(entries, keys)
        finder = word_start_finder(frozenset(heads), True)
        return None if table is None or finder is None else cls(table, finder, len(groups))

    def matches(self, text: str) -> list[list[re.Match[str]]] | None:
        """Each group's matches in the sentence `text`; None for a long text or one whose lower
        case cannot be trusted (the groups' own scanners read those)."""
        found = self._kept.get(text)
        if found is not None:
            return found
        marked = marked_text(text) if len(text) <= SHORT_TEXT else None
        if marked is None:
            return None
        folded: Any = folded_text(text)
        found = [[] for _ in range(self._size)]
        ends = [0] * self._size
        at = self._table.at
        for mark in self._finder.finditer(marked):
            place = mark.start()
            done = -1  # the group that matched here: its later cues are not tried
            for number, pattern in at(folded, place):
                if number == done or place < ends[number]:
                    continue
                hit = pattern.match(text, place)
                if hit is not None:
                    found[number].append(hit)
                    ends[number] = hit.end()
                    done = number
        if len(self._kept) >= KEPT_SENTENCES:
            self._kept.clear()
        self._kept[text] = found
        return found


def read_together(groups: Sequence[Any]) -> bool:
    """Have these CueSets (analysis.rulebook) find their matches in a sentence together, in one
    GroupScan; each still gives exactly its own matches. False, and each stays on its own, when
    one of them cannot be read so."""
    scan = GroupScan.of([(group.pattern, group.alone) for group in groups]) if all(g.pattern for g in groups) else None
    if scan is None:
        return False
    for number, group in enumerate(groups):
        object.__setattr__(group, "joint", (scan, number))
    return True
