"""Efficacy claims in one sentence: is it a claim, which cues, and how strongly is it put."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.any_cue import any_cue
from analysis.rulebook import CueSet

# How far back (in words) a negation reaches to deny a benefit word, within one clause.
NEGATION_REACH = 6
# A leading concessive or time clause, up to its comma: "While X is often effective, ...".
_BACKGROUND = re.compile(r"^\W*(?:while|although|though|whereas|even though|despite|unlike|after|before|once|until)\b[^,;]*[,;]", re.I)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:but|while|whereas|although|though)\b|\bbut\b", re.I)


@dataclass
class ClaimReading:
    """What the claim rules read in one sentence."""

    is_claim: bool
    strength: str  # absolute | strong | hedged | none
    benefit: list[str] = field(default_factory=list)
    absolute: list[str] = field(default_factory=list)
    sensational: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)  # read for claims only


class ClaimReader:
    """Reads efficacy claims with the cue groups of claims.toml and hedges.toml."""

    def __init__(self, cues: dict[str, CueSet], result_before_to: list[str] | tuple[str, ...] = ()) -> None:
        self.cues = cues
        self.hedge_groups = [c for name, c in cues.items() if name.startswith("hedge.")]
        self.speculation_groups = [c for name, c in cues.items() if name in ("hedge.modal", "hedge.speculative")]
        self.result_before_to = frozenset(w.lower() for w in result_before_to)
        # one pass that finds every sentence that could hold a claim or a sensational word, so
        # that the full reading (a dozen cue groups) runs only on those
        groups = [c for c in (cues["claim.benefit"], cues["claim.sensational"]) if c.pattern]
        self.candidate = any_cue(groups) if groups else None

    def may_claim_each(self, text: str, spans: list[tuple[int, int]]) -> list[bool]:
        """For each (start, end) of `spans` (the sentences of an article, read together), whether
        text[start:end] holds a benefit or sensational cue at all (cheap pre-check)."""
        return self.candidate.holds_each(text, spans) if self.candidate else [False] * len(spans)

    def speculation_cues(self, sentence: str) -> list[str]:
        """Speculative hedges only (no association words): what BioScope calls a hedge."""
        return [m.group().lower() for group in self.speculation_groups for m in group.find(sentence)]

    def hedge_matches(self, sentence: str) -> list[re.Match[str]]:
        return [m for group in self.hedge_groups for m in group.find(sentence)]

    def hedge_cues(self, sentence: str) -> list[str]:
        return [m.group().lower() for m in self.hedge_matches(sentence)]

    def loud(self, group: str, sentence: str) -> list[re.Match[str]]:
        """Absolute or sensational cues, minus technical terms and aims ("cure rates")."""
        found = self.cues[group].find(sentence)
        if not found:
            return []
        terms = [m.span() for m in self.cues["claim.not_absolute"].find(sentence)]
        return [m for m in found if not _inside(m.start(), terms)]

    def read(self, sentence: str) -> ClaimReading:
        sensational = self._affirmed(sentence, self.loud("claim.sensational", sentence))
        benefits = self._benefits(sentence)
        # a question asserts nothing; doubt ("too early to say") withdraws the claim
        if not benefits or is_question(sentence) or self.cues["claim.doubt"].search(sentence):
            return ClaimReading(False, "none", [], [], sensational, [])
        # a leading concession or time clause ("While effective for mild cases, ...", "After
        # wounds have healed, ...") is background, not the claim
        background = [m.span() for m in _BACKGROUND.finditer(sentence)]
        main = [m for m in benefits if not _inside(m.start(), background)]
        if not main:
            return ClaimReading(False, "none", [], [], sensational, [])
        hedges = [m.group().lower() for m in self.hedge_matches(sentence) if not _inside(m.start(), background)]
        absolute = self._affirmed(sentence, self.loud("claim.absolute", sentence))
        strength = "absolute" if absolute else ("hedged" if hedges else "strong")
        return ClaimReading(True, strength, [m.group().lower() for m in main], absolute, sensational, hedges)

    def _benefits(self, sentence: str) -> list[re.Match[str]]:
        found = self.cues["claim.benefit"].find(sentence)
        if not found:
            return []
        false_spans = [m.span() for m in self.cues["claim.false_benefit"].find(sentence)]
        found = [m for m in found if not _inside(m.start(), false_spans) and not self._purpose(sentence, m.start())]
        return self._affirmed_matches(sentence, found)

    def _purpose(self, sentence: str, position: int) -> bool:
        """ "... surgery to reduce their risk": an aim, not a result (unless "shown to", "helps to")."""
        words = re.findall(r"[\w'’-]+", sentence[:position].lower())[-2:]
        return len(words) == 2 and words[1] == "to" and words[0] not in self.result_before_to

    def _affirmed(self, sentence: str, matches: list[re.Match[str]]) -> list[str]:
        return [m.group().lower() for m in self._affirmed_matches(sentence, matches)]

    def _affirmed_matches(self, sentence: str, matches: list[re.Match[str]]) -> list[re.Match[str]]:
        return [m for m in matches if not self.negated(sentence, m.start())]

    def negated(self, sentence: str, position: int) -> bool:
        """A negation within a few words before `position`, in the same clause, that is not
        one of the harmless forms ("not only", "no matter")."""
        negation = self.cues["claim.negation"]
        # The window is words of the sentence joined by single spaces, and a negation cue's words
        # are matched across any white space, so a sentence with no negation has none in any of
        # its windows (most sentences: the sentence is scanned once, with the claim groups).
        if negation.search(sentence) is None:
            return False
        before = sentence[:position]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        clause_start = breaks[-1].end() if breaks else 0
        window = " ".join(before[clause_start:].split()[-NEGATION_REACH:])
        negations = negation.find_alone(window)
        if not negations:
            return False  # most windows: the harmless forms need not be looked for
        exceptions = [m.span() for m in self.cues["claim.negation_exceptions"].find(window)]
        return any(not _inside(m.start(), exceptions) for m in negations)


def is_question(sentence: str) -> bool:
    """A sentence that asks ("Does green tea prevent cancer?") asserts nothing."""
    return sentence.rstrip(" \"'”’)").endswith("?")


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return bool(spans) and any(start <= position < end for start, end in spans)
