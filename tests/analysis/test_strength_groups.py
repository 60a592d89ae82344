"""Strength of group findings: a level, rate or condition stated for a group is a correlational (hedged) claim."""
from __future__ import annotations

import pytest

from analysis.claims import ClaimReader
from analysis.rulebook import cue_sets
from analysis.strength import claim_strength


@pytest.mark.parametrize("sentence, expected", [
    ("Vitamin D levels low in African Americans with multiple sclerosis", "hedged"),
    ("Severe low blood sugar occurs often in patients with type 2 diabetes", "hedged"),
    ("A diagnosis before age 30 carries an eight-fold cancer risk.", "hedged"),
    ("Health care disparities seen in epilepsy patients with low income", "hedged"),
    ("The clinic opened in 2015.", "none"),
])
def test_strength_group_findings(sentence, expected):
    assert claim_strength(ClaimReader(cue_sets()), sentence) == expected
