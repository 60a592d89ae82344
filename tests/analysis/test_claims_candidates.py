"""Candidate claim sentences: the cheap pre-check says what a search of the benefit and
sensational cues would say, whether the cue groups can be split into single cues or not."""
from __future__ import annotations

import pytest

from analysis.claims import ClaimReader
from analysis.rulebook import CueSet, cue_sets

TEXT = ("Green tea cures colds, fans say. The clinic opened in May.\n"
        "A miracle? No. Doctors say walking may help patients recover faster after surgery.\n"
        "Nothing here at all. It lowers the risk of falls; it is not a game changer, they wrote.")


def _unsplit(cues: dict[str, CueSet]) -> dict[str, CueSet]:
    """The same groups, as a user's code might build them: a pattern with no list of its cues."""
    return {name: CueSet(name, group.pattern) for name, group in cues.items()}


@pytest.mark.parametrize("groups", ["split into cues", "whole"])
@pytest.mark.parametrize("start, end", [(0, 32), (33, 59), (60, 70), (71, 141), (142, 162), (163, 229), (0, 229)])
def test_claims_candidates_match_search(groups: str, start: int, end: int) -> None:
    cues = cue_sets() if groups == "split into cues" else _unsplit(cue_sets())
    reader = ClaimReader(cues)
    expected = any(cues[name].pattern.search(TEXT, start, end)  # type: ignore[union-attr]
                   for name in ("claim.benefit", "claim.sensational"))
    assert reader.may_claim_each(TEXT, [(start, end)]) == [expected]
