"""How many hyphenation points pyphen finds in a word, counted with pyphen's own patterns but
without its per-word list of positions: the syllable count of words the CMU dictionary lacks."""
from __future__ import annotations

from functools import cache


class HyphenationCounter:
    """`len(pyphen.positions(word))`, exactly, for one pyphen dictionary.

    pyphen looks up every substring of the dotted word up to the longest pattern's length
    (28 characters in en_US) and builds a list of `DataInt`s per word, kept in a cache that
    only grows. Here the substrings starting at one place are extended only while they still
    begin some pattern (a few characters, usually), and only the count is returned. The
    values are pyphen's parsed ones (`HyphDict.patterns`), so the two cannot disagree."""

    def __init__(self, patterns: dict[str, tuple[int, tuple[int, ...]]], left: int, right: int) -> None:
        # each prefix of a pattern -> the pattern's non-zero (place, value) pairs, places counted
        # from the pattern's first character; () for a prefix that is not itself a pattern
        self.points_of: dict[str, tuple[tuple[int, int], ...]] = {}
        for key in patterns:
            for size in range(1, len(key)):
                self.points_of.setdefault(key[:size], ())
        for key, (offset, values) in patterns.items():
            self.points_of[key] = tuple((offset + i, int(value)) for i, value in enumerate(values) if value)
        self.left, self.right = left, right

    def count(self, word: str) -> int:
        """Hyphenation points of `word` at least `left` characters from its start and `right`
        from its end (pyphen measures the word as given, and hyphenates it in lower case)."""
        points_of = self.points_of.get
        dotted = f".{word.lower()}."
        size = len(dotted)
        # a point's value is the highest any matching pattern gives it; odd values allow a hyphen
        points = [0] * (size + 1)
        for start in range(size - 1):
            stop = start + 1
            while stop <= size:
                found = points_of(dotted[start:stop])
                if found is None:
                    break
                for place, value in found:
                    place += start
                    if value > points[place]:
                        points[place] = value
                stop += 1
        # points[i] lies before dotted[i], that is, pyphen's position i - 1 in the word
        first, last = max(self.left + 1, 0), min(len(word) - self.right + 1, size)
        return sum(points[i] & 1 for i in range(first, last + 1))


@cache
def hyphenation_counter(lang: str) -> HyphenationCounter:
    """The counter for textstat's pyphen dictionary of `lang`, built once."""
    from textstat.backend.utils import get_pyphen

    pyphen = get_pyphen(lang)
    return HyphenationCounter(pyphen.hd.patterns, pyphen.left, pyphen.right)
