"""Efficacy claims worded as outcomes: what a treatment did to a disease, often with numbers."""
from __future__ import annotations

import pytest

from analysis.claims import ClaimReader
from analysis.rulebook import cue_sets, load_rules


@pytest.fixture(scope="module")
def reader() -> ClaimReader:
    return ClaimReader(cue_sets(), load_rules()["claim"]["result_before_to"]["words"])


OUTCOME_CLAIMS = [
    "Three out of four children who used the inhaler were symptom-free within a month.",
    "Most of the women on the drug went into complete remission.",
    "Those who did the exercises had 30 percent less pain at six months.",
    "The injection cut hospital admissions by a third.",
    "Many patients say the cream cleared their eczema within days.",
    "The drug slows the progression of Alzheimer's disease.",
    "The new therapy halted tumor growth in most patients.",
    "The drug shrank tumors in 60 percent of patients.",
    "Zinc lozenges shorten colds by a day or two.",
    "Eating nuts every day keeps heart disease at bay.",
    "The drug extends life by several months in patients with advanced melanoma.",
    "Physical therapy is as good as surgery for a torn meniscus.",
    "Women who took the supplement were half as likely to develop preeclampsia.",
    "The pill cut migraine days in half.",
    "Daily aspirin halved the risk of a second stroke.",
    "Most patients got better after the injections.",
    "Users enjoy better sleep within days of starting the patch.",
]

NOT_OUTCOME_CLAIMS = [
    "The tumors grew slowly in both groups.",
    "Sugar-free drinks are sold in most schools.",
    "Smokers were twice as likely to develop lung disease.",
    "The drug did not slow the progression of the disease.",
    "Patients who exercised had no fewer migraine attacks than those who rested.",
    # endpoint names and conditions, not results
    "Primary outcomes included toxicity and relapse-free survival.",
    "Guidelines require a patient to stop the drug until the colitis is in remission.",
    # the course of an illness, not what a treatment did
    "Most people get better in a week or two.",
    "Colds usually get better on their own.",
    "Most children get better without antibiotics.",
]


@pytest.mark.parametrize("sentence", OUTCOME_CLAIMS)
def test_claims_outcomes_read_as_claims(reader, sentence):
    assert reader.read(sentence).is_claim


@pytest.mark.parametrize("sentence", NOT_OUTCOME_CLAIMS)
def test_claims_outcomes_description_and_denial_not_claims(reader, sentence):
    assert not reader.read(sentence).is_claim
