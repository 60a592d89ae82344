"""Strength of any research claim in a sentence: absolute, strong, hedged or none.

Efficacy claims are graded in claims.py; this grading covers any relation between an exposure
and an outcome ("X raises the risk of Y", "X is linked to Y", "X may protect against Y"),
which is what the strength evaluation set measures. The rules and their order are described
with their word lists in rules/strength.toml. Negation does not lower strength:
"X does not cause Y" is still a direct claim about cause.
"""
from __future__ import annotations

import re

from analysis.claims import ClaimReader

STRENGTHS = ("none", "hedged", "strong", "absolute")


def claim_strength(reader: ClaimReader, sentence: str) -> str:
    cues = reader.cues
    if cues["strength.background"].search(sentence) and not cues["strength.new_finding"].search(sentence):
        return "none"
    if cues["strength.conditional"].search(sentence):
        return "hedged"
    # aims, purposes and organisation names hold causal-looking words that state no relation
    text = _blank(sentence, cues["strength.not_relation"].find(sentence) + _purposes(reader, sentence))
    # a change over a span of time alone ("rates rose by 27 percent between 1995 and 2008") is
    # a trend, which ties the change to nothing; beside an exposure it is correlational
    changes = cues["strength.change"].find(text)
    if changes and cues["strength.time_span"].search(text):
        text, changes = _blank(text, changes), []
    associations = _outside_causal(reader, text, cues["strength.association"].find(text)) + changes
    # an effect word inside an association ("increased risk", "lower rates than") states the
    # association, not a cause, and one used as a noun or an adjective ("its results in",
    # "improved access") states nothing: causal verbs are looked for outside both
    text_outside = _blank(text, associations + cues["strength.not_verb"].find(text))
    causal = cues["strength.causal"].search(text_outside)
    if causal:
        if cues["strength.hedge"].search(_blank(text, cues["strength.not_hedge"].find(text))):
            return "hedged"
        return "absolute" if cues["claim.absolute"].search(sentence) else "strong"
    if associations:
        return "hedged"
    speculative = reader.speculation_cues(sentence)
    return "hedged" if speculative and cues["strength.relation"].search(text_outside) else "none"


def _outside_causal(reader: ClaimReader, text: str, associations: list[re.Match[str]]) -> list[re.Match[str]]:
    """Associations that are not part of a causal phrase: "puts children at risk" and "poses
    a greater risk" state a cause, though "at risk" and "greater risk" alone are associations."""
    causal = [m.span() for m in reader.cues["strength.causal"].find(text)]
    return [m for m in associations if not any(start < m.start() < end for start, end in causal)]


def _purposes(reader: ClaimReader, sentence: str) -> list[re.Match[str]]:
    """ "to" and a causal verb that state an aim ("taken daily to reduce their risk"), not
    a result ("shown to reduce", "likely to increase")."""
    results = [m.span() for m in reader.cues["strength.result_to"].find(sentence)]
    return [m for m in reader.cues["strength.purpose"].find(sentence)
            if not any(start <= m.start() < end for start, end in results)]


def _blank(text: str, matches: list[re.Match[str]]) -> str:
    """`text` with the matched spans replaced by spaces (offsets unchanged)."""
    for match in matches:
        start, end = match.span()
        text = text[:start] + " " * (end - start) + text[end:]
    return text
