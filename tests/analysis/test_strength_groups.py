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


@pytest.mark.parametrize("sentence, expected", [
    # an amount or an earlier estimate compares no groups
    ("Researchers followed more than 3,000 adults for ten years.", "none"),
    ("Most patients wait less than a week for a scan.", "none"),
    ("Hip implant failures are higher than previously thought.", "none"),
    ("Doctors warn about counterfeit slimming pills sold online.", "none"),
    # groups compared
    ("Night-shift nurses slept less than day-shift nurses.", "hedged"),
    ("A persistent cough may warn of lung scarring.", "hedged"),
])
def test_strength_group_comparisons_need_groups(sentence, expected):
    assert claim_strength(ClaimReader(cue_sets()), sentence) == expected
