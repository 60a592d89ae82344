"""How many hyphenation points pyphen finds in a word, counted with pyphen's own patterns but
without its per-word list of positions: the syllable count of words the CMU dictionary lacks."""
from __future__ import annotations

from functools import cache
from typing import Any

_POINTS = ""  # the key, in a node of the pattern tree, of the points of the pattern ending there


class HyphenationCounter:
    """`len(pyphen.positions(word))`, exactly, for one pyphen dictionary.

    pyphen looks up every substring of the dotted word up to the longest pattern's length
    (28 characters in en_US) and builds a list of `DataInt`s per word, kept in a cache that
    only grows. Here the patterns form a tree, one character a step, which is walked from each
    place of the word only as far as some pattern goes on (a few characters, usually), and only
    the count is returned. The values are pyphen's parsed ones (`HyphDict.patterns`), so the two
    cannot disagree. A small tree walked node by node also stays in the processor's cache
    better, between articles, than one large table of substrings."""

    def __init__(self, patterns: dict[str, tuple[int, tuple[int, ...]]], left: int, right: int) -> None:
        # node: {character: node}, and at the end of a pattern its non-zero (place, value)
        # pairs under _POINTS, places counted from the pattern's first character
        self.tree: dict[str, Any] = {}
        for key, (offset, values) in patterns.items():
            node = self.tree
            for char in key:
                node = node.setdefault(char, {})
            node[_POINTS] = tuple((offset + i, int(value)) for i, value in enumerate(values) if value)
        self.left, self.right = left, right

    def count(self, word: str) -> int:
        """Hyphenation points of `word` at least `left` characters from its start and `right`
        from its end (pyphen measures the word as given, and hyphenates it in lower case)."""
        dotted = f".{word.lower()}."
        size = len(dotted)
        # a point's value is the highest any matching pattern gives it; odd values allow a hyphen
        points = [0] * (size + 1)
        for start in range(size - 1):
            node = self.tree
            for char in dotted[start:]:
                node = node.get(char)
                if node is None:
                    break
                for place, value in node.get(_POINTS, ()):
                    place += start
                    if value > points[place]:
                        points[place] = value
        # points[i] lies before dotted[i], that is, pyphen's position i - 1 in the word
        first, last = max(self.left + 1, 0), min(len(word) - self.right + 1, size)
        return sum(points[i] & 1 for i in range(first, last + 1))


@cache
def hyphenation_counter(lang: str) -> HyphenationCounter:
    """The counter for textstat's pyphen dictionary of `lang`, built once."""
    from textstat.backend.utils import get_pyphen

    pyphen = get_pyphen(lang)
    return HyphenationCounter(pyphen.hd.patterns, pyphen.left, pyphen.right)
