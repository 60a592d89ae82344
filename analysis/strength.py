"""Strength of any research claim in a sentence: absolute, strong, hedged or none.

Efficacy claims are graded in claims.py; this grading also covers causal and correlational
statements ("X raises the risk of Y", "X is linked to Y"), which is what the strength
evaluation set measures. Negation does not lower strength: "X does not cause Y" is still a
direct claim about cause.
"""
from __future__ import annotations

from analysis.claims import ClaimReader

STRENGTHS = ("none", "hedged", "strong", "absolute")


def claim_strength(reader: ClaimReader, sentence: str) -> str:
    cues = reader.cues
    associations = cues["claim.association"].find(sentence)
    # an effect word inside an association ("increased risk", "lower rates") states the
    # association, not a cause: look for effects outside the association phrases
    rest = _blank(sentence, [m.span() for m in associations])
    effect = cues["claim.effect"].search(rest) or cues["claim.benefit"].search(rest)
    if not (associations or effect):
        # a speculative hedge on a relation ("may interfere with", "might be to blame") is a
        # conditional claim even without one of the effect words
        return "hedged" if reader.speculation_cues(sentence) and cues["claim.relation"].search(sentence) else "none"
    if reader.hedge_cues(sentence) or (associations and not effect):
        return "hedged"
    if cues["claim.absolute"].search(sentence):
        return "absolute"
    return "strong"


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the given spans replaced by spaces (offsets unchanged)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text
