"""Cue groups whose beginnings are unknown because of a few cues that may begin anywhere.

One cue such as "\\w+ologists say" leaves a group of seventy without known beginnings, so re tries
all seventy at every word of every text (see analysis.wordscan). Such a cue holds a word of its
own ("ologists", "dietitians") in every match: in a text without any of those words it matches
nowhere, and the group then matches exactly as its other cues do, which are tried only where
they may begin.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from analysis.pattern_reading import contained_literals, match_heads
from analysis.case_folding import folded_text
from analysis.wordscan import WordAnchored


class RareAlternatives:
    """A group's scanner: its cues with known beginnings on their own where the others cannot
    match, the whole group elsewhere. Gives exactly the matches of `whole`."""

    __slots__ = ("whole", "known", "words")

    def __init__(self, whole: WordAnchored, known: WordAnchored, words: tuple[str, ...]) -> None:
        self.whole = whole
        self.known = known  # the alternation of the cues with known beginnings, in the group's order
        self.words = words  # one of which every match of each other cue holds (lower case)

    @classmethod
    def of(cls, whole: WordAnchored, cues: Sequence[str],
           compile_group: Callable[[list[str]], tuple[re.Pattern[str], Sequence[re.Pattern[str]]]]
           ) -> RareAlternatives | None:
        """For a group with unknown beginnings, made of `cues` (regexes) that `compile_group`
        compiles as the group is compiled, with its cues each compiled alone (as WordAnchored
        takes them); None when a cue with unknown beginnings holds no known words."""
        known_cues, words = [], set()
        for cue in cues:
            alone = compile_group([cue])[0]
            if match_heads(alone) is not None:
                known_cues.append(cue)
                continue
            found = contained_literals(alone)
            if found is None:
                return None
            words.update(found)
        if not known_cues or not words:
            return None
        return cls(whole, WordAnchored(*compile_group(known_cues)), tuple(sorted(words)))

    def find(self, text: str) -> list[re.Match[str]]:
        """The matches of the group's `finditer(text)`."""
        return (self.known if self._without_words(text, 0, len(text)) else self.whole).find(text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The match of the group's `search(text, pos, endpos)`: a match within text[pos:endpos]
        holds its word there too."""
        endpos = len(text) if endpos is None else endpos
        return (self.known if self._without_words(text, pos, endpos) else self.whole).search(text, pos, endpos)

    def _without_words(self, text: str, pos: int, endpos: int) -> bool:
        folded = folded_text(text)
        return folded is not None and not any(folded.find(word, pos, endpos) >= 0 for word in self.words)
