"""Strength: a verb acting on a risk or an outcome states a cause even where an association word
sits inside it, and hedge-like words that describe the patient do not soften it."""
from __future__ import annotations

import pytest

from analysis.claims import ClaimReader
from analysis.rulebook import cue_sets
from analysis.strength import claim_strength


def grade(sentence: str) -> str:
    found = claim_strength(ClaimReader(cue_sets()), sentence)
    return "strong" if found == "absolute" else found


@pytest.mark.parametrize("sentence, expected", [
    # a verb with an article or a possessive before the risk: a cause
    ("A daily walk significantly reduced the risk of a second heart attack.", "strong"),
    ("Night shifts increased their risk of type 2 diabetes.", "strong"),
    ("School meal programmes have improved the chances of children finishing school.", "strong"),
    ("Free flu jabs have reduced hospital admissions in care homes.", "strong"),
    # causal phrases that hold an association: a cause
    ("Long waits in casualty put frail patients at risk of harm.", "strong"),
    ("Home births pose no greater risk to babies than hospital births.", "strong"),
    # the adjective: an association
    ("Shift workers face an increased risk of type 2 diabetes.", "hedged"),
    ("Heavy drinkers are at higher risk of liver cancer.", "hedged"),
    ("Young smokers had reduced lung function by the age of 30.", "hedged"),
])
def test_strength_causes_verbs_on_risks(sentence, expected):
    assert grade(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the gravity of a condition or a working diagnosis is not a hedge
    ("Statins lower the rate of potentially fatal strokes in older women.", "strong"),
    ("A scoring tool cuts scans in children with suspected appendicitis.", "strong"),
    # a hedge on the claim itself is
    ("Statins appear to lower the rate of strokes in older women.", "hedged"),
    ("The drug is likely to cut hospital stays for pneumonia.", "hedged"),
])
def test_strength_causes_hedges_on_the_claim_only(sentence, expected):
    assert grade(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a part in an outcome, or the blame for it, is a cause
    ("Gut bacteria play a key role in how well the vaccine works.", "strong"),
    ("Cheap alcohol is behind the rise in liver disease among young adults.", "strong"),
    ("Olive oil is good for your heart, the trial shows.", "strong"),
    ("Obesity has an independent and causal effect on knee pain.", "strong"),
    # unless the writer only believes it
    ("Researchers believe poor housing is to blame for the asthma cases.", "hedged"),
])
def test_strength_causes_roles_and_blame(sentence, expected):
    assert grade(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # background alone sets the scene
    ("Previous studies have linked night shifts to breast cancer.", "none"),
    ("It is well known that smoking harms the unborn child.", "none"),
    # a new finding set against it makes its own claim
    ("While previous studies linked night shifts to cancer, this study finds that short shifts raise the risk too.", "strong"),
    ("Contrary to common belief, older men are diagnosed with melanoma more often than women.", "hedged"),
])
def test_strength_causes_background_and_new_findings(sentence, expected):
    assert grade(sentence) == expected
