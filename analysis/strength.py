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
    association = cues["claim.association"].search(sentence)
    effect = cues["claim.effect"].search(sentence) or cues["claim.benefit"].search(sentence)
    if not (association or effect):
        return "none"
    if reader.hedge_cues(sentence) or (association and not effect):
        return "hedged"
    if cues["claim.absolute"].search(sentence):
        return "absolute"
    return "strong"
