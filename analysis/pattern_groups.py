"""A group of rule patterns read one by one, ruled out at once when an article holds none of them.

Most articles hold none of the risk statements, interest statements or commercial wording
that the trust checks look for, yet each pattern costs one scan of the article. The
alternation of a group tells in one scan whether any of its patterns matches (it matches
wherever one of them does); the patterns are then read one by one only when one does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.rulebook import QuickPattern, ScanText
from analysis.any_cue import AnyOf
from analysis.wordscan import WordAnchored

# What cannot be joined into one alternation without changing what it matches: a backreference
# or a conditional group (they count groups from the start of the whole) and a global flag
# (it applies to the whole). A false alarm only costs the shortcut.
_JOIN_BREAKERS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|\(\?[aiLmsux]+\)")


@dataclass(frozen=True)
class PatternGroup:
    """Rule patterns in their rule-file order, with the scan of their alternation (None when
    they cannot be joined, see _JOIN_BREAKERS: then any_match tries them one by one)."""

    patterns: tuple[QuickPattern, ...]
    joined: AnyOf | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, sources: list[str], flags: int) -> PatternGroup:
        patterns = tuple(QuickPattern.of(re.compile(p, flags)) for p in sources)
        return cls(patterns, _joined(sources, flags, patterns))

    def any_match(self, scan: ScanText) -> bool:
        """Whether one of the patterns matches the text (what any(p.search(scan)) says)."""
        if self.joined is None:
            return any(p.search(scan) for p in self.patterns)
        return self.joined.search(scan.text)


def _joined(sources: list[str], flags: int, patterns: tuple[QuickPattern, ...]) -> AnyOf | None:
    if len(sources) < 2 or flags & re.VERBOSE or any(_JOIN_BREAKERS.search(p) for p in sources):
        return None  # (in verbose mode a comment would run on into the next pattern)
    try:
        alternation = re.compile("|".join(f"(?:{p})" for p in sources), flags)
    except re.error:
        return None  # a group name used by two patterns
    return AnyOf(WordAnchored(alternation), [p.pattern for p in patterns])
