"""Efficacy claims in one sentence: is it a claim, which cues, and how strongly is it put."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.rulebook import CueSet

# How far back (in words) a negation reaches to deny a benefit word, within one clause.
NEGATION_REACH = 6
# A leading concessive clause, up to its comma: "While X is often effective, ...".
_CONCESSION = re.compile(r"^\W*(?:while|although|though|whereas|even though|despite|unlike)\b[^,;]*[,;]", re.I)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:but|while|whereas|although|though)\b|\bbut\b", re.I)


@dataclass
class ClaimReading:
    """What the claim rules read in one sentence."""

    is_claim: bool
    strength: str  # absolute | strong | hedged | none
    benefit: list[str] = field(default_factory=list)
    absolute: list[str] = field(default_factory=list)
    sensational: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)


class ClaimReader:
    """Reads efficacy claims with the cue groups of claims.toml and hedges.toml."""

    def __init__(self, cues: dict[str, CueSet]) -> None:
        self.cues = cues
        self.hedge_groups = [c for name, c in cues.items() if name.startswith("hedge.")]

    def hedge_matches(self, sentence: str) -> list[re.Match[str]]:
        return [m for group in self.hedge_groups for m in group.find(sentence)]

    def hedge_cues(self, sentence: str) -> list[str]:
        return [m.group().lower() for m in self.hedge_matches(sentence)]

    def read(self, sentence: str) -> ClaimReading:
        sensational = self._affirmed(sentence, self.cues["claim.sensational"].find(sentence))
        benefits = self._benefits(sentence)
        # a question asserts nothing; doubt ("too early to say") withdraws the claim
        if not benefits or sentence.rstrip(" \"'”’)").endswith("?") or self.cues["claim.doubt"].search(sentence):
            return ClaimReading(False, "none", [], [], sensational, self.hedge_cues(sentence))
        # a concession ("While effective for mild cases, ...") is background, not the claim
        concessive = [m.span() for m in _CONCESSION.finditer(sentence)]
        main = [m for m in benefits if not _inside(m.start(), concessive)] or benefits
        hedges = [m.group().lower() for m in self.hedge_matches(sentence)
                  if main is benefits or not _inside(m.start(), concessive)]
        absolute = self._affirmed(sentence, self.cues["claim.absolute"].find(sentence))
        strength = "absolute" if absolute else ("hedged" if hedges else "strong")
        return ClaimReading(True, strength, [m.group().lower() for m in main], absolute, sensational, hedges)

    def _benefits(self, sentence: str) -> list[re.Match[str]]:
        false_spans = [m.span() for m in self.cues["claim.false_benefit"].find(sentence)]
        found = [m for m in self.cues["claim.benefit"].find(sentence) if not _inside(m.start(), false_spans)]
        return self._affirmed_matches(sentence, found)

    def _affirmed(self, sentence: str, matches: list[re.Match[str]]) -> list[str]:
        return [m.group().lower() for m in self._affirmed_matches(sentence, matches)]

    def _affirmed_matches(self, sentence: str, matches: list[re.Match[str]]) -> list[re.Match[str]]:
        return [m for m in matches if not self.negated(sentence, m.start())]

    def negated(self, sentence: str, position: int) -> bool:
        """A negation within a few words before `position`, in the same clause, that is not
        one of the harmless forms ("not only", "no matter")."""
        before = sentence[:position]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        clause_start = breaks[-1].end() if breaks else 0
        window = " ".join(before[clause_start:].split()[-NEGATION_REACH:])
        exceptions = [m.span() for m in self.cues["claim.negation_exceptions"].find(window)]
        return any(not _inside(m.start(), exceptions) for m in self.cues["claim.negation"].find(window))


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
