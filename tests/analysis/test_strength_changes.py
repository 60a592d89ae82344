"""Strength of changes: a change tied to a group or an exposure is correlational, a change over a
span of time alone is a trend (no claim), and a cause named for the change is still direct."""
from __future__ import annotations

import pytest

from analysis.claims import ClaimReader
from analysis.rulebook import cue_sets
from analysis.strength import claim_strength


@pytest.mark.parametrize("sentence, expected", [
    # trends: a quantity changed over time, tied to nothing
    ("Hospital admissions for gout rose by 40 percent between 2001 and 2012.", "none"),
    ("The share of teenagers who vape has increased sharply over the past decade.", "none"),
    ("The number of people living with dementia will grow to 2 million by 2040.", "none"),
    # a change beside a group or an exposure: correlational
    ("Asthma attacks dropped by a third after the smoking ban came into force.", "hedged"),
    ("Survival after hip fracture improves with early surgery.", "hedged"),
    ("Study finds an increase in sports injuries among girls who play football.", "hedged"),
    ("Heart failure on the rise in young adults with diabetes", "hedged"),
    # the change is given a cause: direct
    ("The new screening programme led to a rise in early diagnoses over the past five years.", "strong"),
    ("Falls after hip surgery are not increased by nerve blocks.", "strong"),
    ("Daily walking improves sleep quality in older adults.", "strong"),
])
def test_strength_changes_and_trends(sentence, expected):
    grade = claim_strength(ClaimReader(cue_sets()), sentence)
    assert ("strong" if grade == "absolute" else grade) == expected
