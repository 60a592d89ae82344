"""Claim rules, one table per rule: sentences an editor would flag, and sentences they would not."""
from __future__ import annotations

import pytest

from analysis.audit import Auditor
from analysis.corpora import article_from_plain_text

FLAGGING = ("claim.unsupported", "claim.vague-attribution")


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


def rules_for(auditor: Auditor, text: str) -> set[str]:
    audit = next(auditor.audit([article_from_plain_text(text + "\n", "t")]))
    return {f.rule for f in audit.findings if f.rule.startswith("claim.")}


UNSUPPORTED = [
    "This cream eliminates knee pain in days.",
    "Staying active helps the back heal faster than bed rest.",
    "Heat wraps work better than pain pills for most people with a sore back.",
    "Pain relievers such as ibuprofen or naproxen can ease pain for a short time.",
    "For a young athlete with a torn ACL, arthroscopic reconstruction is a permanent fix that guarantees a full return to sport.",
    "Vitamin D works by activating receptors on immune cells, thereby strengthening the body's defenses.",
    "Most patients report complete relief within a week.",
    "Acupuncture is one of the most effective treatments for chronic back pain.",
]

NOT_CLAIMS = [
    # advice to the reader: "help" is a noun here, not a promise of a result
    "If you smoke, get help to quit.",
    "Ask for help if you feel low.",
    # a product category named by its purpose
    "Physiotherapy can be combined with other treatments, such as pain relief gels or tablets.",
    # denial, disease description, purpose
    "Arthroscopy does not relieve pain from osteoarthritis.",
    "Migraine is a neurological condition that causes recurring attacks of throbbing head pain.",
    "Patients had surgery to reduce their risk.",
    "Does green tea prevent cancer?",
    # a research question, not its answer
    "The researchers wanted to evaluate whether acupressure would be more effective at easing period pain.",
    "The trial was set up to test if the drug reduces pain after surgery.",
]


@pytest.mark.parametrize("sentence", UNSUPPORTED)
def test_claims_rules_unsupported_claim_flagged(auditor, sentence):
    assert "claim.unsupported" in rules_for(auditor, sentence)


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_claims_rules_not_a_claim_not_flagged(auditor, sentence):
    assert not rules_for(auditor, sentence) & set(FLAGGING)


def test_claims_rules_type_letter_ends_sentence():
    from analysis.rulebook import abbreviation_words
    from analysis.structure import abbreviation_set, infer_blocks, sentence_spans
    text = "Botox is a purified form of toxin type A. During a session, a clinician injects it. Dr. J. Roe agrees."
    spans = sentence_spans(text, infer_blocks(text), abbreviation_set(abbreviation_words()))
    assert [text[s.start:s.end] for s in spans] == [
        "Botox is a purified form of toxin type A.", "During a session, a clinician injects it.", "Dr. J. Roe agrees."]


VAGUE = [
    "Studies show that this tea flushes toxins and boosts energy.",
    "Experts agree that acupuncture relieves migraine pain.",
]
ABSOLUTE = [
    "This miracle cream clears acne.",
    "The procedure guarantees complete relief.",
    "The cream clears acne entirely within a week.",
]
NOT_ABSOLUTE = [
    # technical terms and aims, not promises
    "The FDA granted the drug Breakthrough Therapy designation in March.",
    "Researchers hope their work will bring them closer to a cure.",
    # how a treatment is given, not how well it works
    "The radiation that may shrink the tumour is delivered entirely in a single session.",
    "The therapy, which eases anxiety for many people, is done completely online.",
]


@pytest.mark.parametrize("sentence", VAGUE)
def test_claims_rules_vague_attribution_flagged(auditor, sentence):
    assert "claim.vague-attribution" in rules_for(auditor, sentence)


@pytest.mark.parametrize("sentence", ABSOLUTE)
def test_claims_rules_absolute_flagged(auditor, sentence):
    assert "claim.absolute" in rules_for(auditor, sentence)


@pytest.mark.parametrize("sentence", NOT_ABSOLUTE)
def test_claims_rules_technical_terms_not_absolute(auditor, sentence):
    assert "claim.absolute" not in rules_for(auditor, sentence)


@pytest.mark.parametrize("sentence, strength", [
    ("Sunbed users are at a 20% increased risk of skin cancer.", "hedged"),
    ("Flame retardants may interfere with thyroid hormone signalling.", "hedged"),
    ("Getting vaccinated against the flu lowers the risk of organ loss.", "strong"),
    ("The clinic opened in 2019.", "none"),
])
def test_claims_rules_strength_grade(sentence, strength):
    from analysis.claims import ClaimReader
    from analysis.rulebook import cue_sets
    from analysis.strength import claim_strength
    assert claim_strength(ClaimReader(cue_sets()), sentence) == strength


SENSATIONAL = [
    "Breakthrough drug cures arthritis\n\nThe trial enrolled 40 patients.",
    "\"This is truly a huge leap forward for prostate cancer treatment,\" said the lead author.",
    "The new test could represent a watershed moment for the field.",
    "The device is a paradigm shifting change from the current method of treatment.",
]

NOT_SENSATIONAL = [
    "Our mission is to prevent, treat and cure diabetes.",
    "NIH is investigating the causes, treatments, and cures for both common and rare diseases.",
    "The approach eliminates the need for contrast agents in some cases.",
    "Cervical cancer screening guidelines have changed dramatically over the last 15 years.",
]


@pytest.mark.parametrize("text", SENSATIONAL)
def test_claims_rules_sensational_wording_flagged(auditor, text):
    assert "claim.absolute" in rules_for(auditor, text)


@pytest.mark.parametrize("text", NOT_SENSATIONAL)
def test_claims_rules_mission_and_description_not_sensational(auditor, text):
    assert "claim.absolute" not in rules_for(auditor, text)


STRENGTH = [
    ("Walking reduces the risk of functional limitation in knee osteoarthritis.", "strong"),
    ("Standing for long periods during pregnancy may curb fetal growth.", "hedged"),
    ("Coffee drinking is linked to a lower risk of liver disease.", "hedged"),
    ("Suicide risk greater for people living at higher elevations", "hedged"),
    ("Patients who stopped statins were at increased risk of death from heart disease.", "hedged"),
    ("A class of drugs slows cognitive decline, suggests research published today.", "strong"),
    ("Previous research has indicated that salt may alter the autoimmune response.", "none"),
    ("The researchers enrolled 2,000 patients at a hospital in California.", "none"),
    ("The study appears in the Journal of the American Heart Association.", "none"),
]


@pytest.mark.parametrize("sentence, expected", STRENGTH)
def test_claims_rules_strength_grading(sentence, expected):
    from analysis.claims import ClaimReader
    from analysis.rulebook import cue_sets
    from analysis.strength import claim_strength
    grade = claim_strength(ClaimReader(cue_sets()), sentence)
    assert ("strong" if grade == "absolute" else grade) == expected


def test_claims_rules_vague_attribution_message_names_only_the_source(auditor):
    audit = next(auditor.audit([article_from_plain_text("Research suggests that turmeric reduces joint pain.\n", "t")]))
    vague = [f for f in audit.findings if f.rule == "claim.vague-attribution"]
    assert vague and "“research suggests”" in vague[0].message and "“reduce" not in vague[0].message
    assert "reduces" in vague[0].evidence["cues"]
