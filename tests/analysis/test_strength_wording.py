"""Strength: causal words that state no relation (an aim, a noun or adjective, a safety verdict,
a topic) leave a sentence without a claim; a result after "shown to", "fails to" stays a claim."""
from __future__ import annotations

import pytest

from analysis.claims import ClaimReader
from analysis.rulebook import cue_sets
from analysis.strength import claim_strength


def grade(sentence: str) -> str:
    found = claim_strength(ClaimReader(cue_sets()), sentence)
    return "strong" if found == "absolute" else found


@pytest.mark.parametrize("sentence, expected", [
    # purposes: what something is for
    ("Many adults take fish oil capsules every day to lower their cholesterol.", "none"),
    ("Nurses use a checklist to make sure no dose is missed.", "none"),
    ("Smokers now have several options to help them quit.", "none"),
    # results reported with "to"
    ("Regular yoga was shown to reduce back pain in office workers.", "strong"),
    ("Referral to specialist clinics fails to improve survival.", "strong"),
    ("Researchers found a new way to boost the survival of infants with sepsis.", "strong"),
    ("Cutting salt is likely to prevent thousands of strokes.", "hedged"),
    ("Exposure to air pollution is linked to lower birth weight.", "hedged"),
])
def test_strength_wording_purpose_or_result(sentence, expected):
    assert grade(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # causal words as nouns or adjectives name a thing, they state no relation
    ("The authors call for improved access to hearing tests in rural clinics.", "none"),
    ("The team presents its results in the spring issue of a surgical journal.", "none"),
    ("The ward has a separate bay for patients with damaged hips.", "none"),
    ("Doctors noted the increasing popularity of e-scooters among teenagers.", "none"),
    # the verb form states one
    ("Hand hygiene training cut infections on surgical wards.", "strong"),
    ("Shorter shifts resulted in reduced errors among junior doctors.", "strong"),
])
def test_strength_wording_noun_or_verb(sentence, expected):
    assert grade(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a safety verdict or a topic names no outcome
    ("Keyhole removal of the gallbladder is safe in patients over 90.", "none"),
    ("Larger trials are needed on the effectiveness of cooling caps.", "none"),
    # a verdict on what a treatment achieves does
    ("Cooling caps are effective in preventing hair loss during chemotherapy.", "strong"),
    ("The new inhaler is safer than the old one for children with asthma.", "strong"),
])
def test_strength_wording_safety_and_topics(sentence, expected):
    assert grade(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # an opening -ed or -ing word names the subject, it is not the verb
    ("Elevated cholesterol common among young adults with psoriasis", "hedged"),
    ("Reducing waiting lists for knee surgery", "none"),
    ("Delayed diagnosis of sepsis has a profound effect on survival.", "strong"),
    # adjectives after "such as", "toward", "than"
    ("The new method points to better outcomes, such as reduced bleeding.", "hedged"),
    # verbs that state a benefit or an effect
    ("Keyhole surgery provides clear benefits for older patients.", "strong"),
    ("The cream does not have serious side effects in children.", "strong"),
    # "may not" offers a possibility, "could not" reports what was not seen
    ("Fear of needles may not be inherited.", "hedged"),
    ("The virus could not be detected in any of the samples.", "none"),
    # tools that help predict an outcome are correlational
    ("A new score helps surgeons predict complications after hip surgery.", "hedged"),
])
def test_strength_wording_subjects_and_verbs(sentence, expected):
    assert grade(sentence) == expected
