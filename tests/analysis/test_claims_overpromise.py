"""claim.absolute for promises no study earns: no side effects, a disease reversed, a large benefit
certain to come, the most effective treatment; and the sober wording that looks like them."""
from __future__ import annotations

import pytest

from analysis.audit import Auditor
from analysis.corpora import article_from_plain_text


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


def loud_cues(auditor: Auditor, text: str) -> list[str]:
    audit = next(auditor.audit([article_from_plain_text(text + "\n", "t")]))
    return [cue for f in audit.findings if f.rule == "claim.absolute" for cue in f.evidence["cues"]]


OVERPROMISES = [
    # benefit with no harm at all
    ("The herbal patch relieves joint pain without any side effects.", "without any side effects"),
    ("The new capsule reduced anxiety in older adults without causing adverse effects.", "without causing adverse effects"),
    ("The gummies improve sleep in a week, with no reported side-effects.", "no reported side-effects"),
    # a chronic disease undone
    ("A strict soup diet lets people reverse their diabetes within weeks.", "reverse their diabetes"),
    ("With daily walks, heart disease can be reversed, the clinic says.", "disease can be reversed"),
    ("Regular stretching reverses the damage of years at a desk.", "reverses the damage"),
    # a large benefit promised as certain
    ("The screening programme will dramatically cut deaths from bowel cancer.", "will dramatically cut"),
    ("The new inhaler will significantly improve breathing for people with asthma.", "will significantly improve"),
    # a benefit promised to everyone
    ("All adults over 50 can benefit from a yearly bone scan, the society says.", "all adults over 50 can benefit"),
    ("Everyone can benefit from the breathing programme, its founder says.", "everyone can benefit"),
    # a superlative of efficacy
    ("Cold-water swimming is the most effective treatment for chronic fatigue.", "most effective treatment"),
]

HYPE_WORDS = [
    ("Clinic unveils first ever saliva test for gluten intolerance", "first ever"),
    ("The authors call sleep tracking a new frontier in preventing heart attacks.", "new frontier"),
]

SOBER = [
    # a campaign's name, an aim, a research question: nothing is promised
    "She helped lead the polio eradication campaign in the 1980s.",
    "We must reduce or eliminate any possibility that the treatment harms quality of life.",
    "We wanted to know whether the compound could reverse the damage to nerve cells.",
    # a regulator's label, in the plural too
    "The inhaler has received Breakthrough Therapy Designations for two lung diseases.",
    # "not all" and "almost all" promise nothing to everyone
    "Not all patients will benefit from the new drug, the authors caution.",
    "Almost all patients in the trial benefited from the higher dose.",
    # public-health advice, not a product's promise
    "Vaccination is the most effective way to prevent flu, health officials say.",
    # a measured optimum, not a verdict on a treatment
    "The most effective dose in the trial was 20 mg a day.",
    # an antidote reversing a drug's action is what it is made for
    "The antidote reverses the effect of the blood thinner within minutes.",
    "The antidote completely reverses the effect of the blood thinner, the trial showed.",
    "In every patient, the anticoagulant effect was 100 percent reversed within an hour.",
]


@pytest.mark.parametrize("text, cue", OVERPROMISES)
def test_claims_overpromise_flagged(auditor, text, cue):
    assert cue.lower() in loud_cues(auditor, text)


@pytest.mark.parametrize("text, cue", HYPE_WORDS)
def test_claims_overpromise_hype_words_flagged(auditor, text, cue):
    assert cue.lower() in loud_cues(auditor, text)


@pytest.mark.parametrize("text", SOBER)
def test_claims_overpromise_sober_wording_not_flagged(auditor, text):
    assert loud_cues(auditor, text) == []


NEWS = ("Night-shift nurses who napped for twenty minutes made fewer dosing errors, a hospital audit found.\n\n"
        "The audit covered 300 nurses on four wards over a year.\n\n"
        "Ward managers now plan a trial of scheduled naps.\n\n")
SELF_PRAISE = "Riverside Health is responsible for groundbreaking medical advances and game-changing ideas.\n"


@pytest.mark.parametrize("text, flagged", [
    # after the "About ..." line or the "###" that closes a release, the organisation praises itself
    (NEWS + "About Riverside Health\n\n" + SELF_PRAISE, False),
    (NEWS + "###\n\n" + SELF_PRAISE, False),
    (NEWS + "ABOUT RIVERSIDE HEALTH:\n\n" + SELF_PRAISE, False),
    # a section about the study itself is part of the news
    (NEWS + "About the Study\n\n" + SELF_PRAISE, True),
    # without the marker the same words are the release's own
    (NEWS + SELF_PRAISE, True),
    # a title that starts with "About" is not the end of the news
    ("About Riverside Health\n\n" + SELF_PRAISE, True),
    # a product claim stays a claim wherever it stands
    (NEWS + "About Riverside Health\n\nIts ear drops are proven to eliminate tinnitus.\n", True),
])
def test_claims_overpromise_publisher_self_praise(auditor, text, flagged):
    assert bool(loud_cues(auditor, text)) == flagged
