"""claim.vague-attribution beyond claims of benefit: medical statements resting on "studies show"
or on an appeal to consensus, reported at low severity."""
from __future__ import annotations

import pytest

from analysis.audit import Auditor
from analysis.corpora import article_from_plain_text


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


def vague_findings(auditor: Auditor, text: str) -> list:
    audit = next(auditor.audit([article_from_plain_text(text + "\n", "t")]))
    return [f for f in audit.findings if f.rule == "claim.vague-attribution"]


VAGUE_STATEMENTS = [
    # treatments that fall short, causes, theories: backed only by a body of evidence or a consensus
    "Long-term studies show that painkillers often fall short for chronic back pain.",
    "Studies show that stress is a common trigger of migraine attacks.",
    "This theory is now widely accepted among cardiologists.",
    "The theory has gained wide acceptance in the medical community.",
    "It is well known that poor sleep causes weight gain.",
    "Experts agree that the old treatment approach has serious drawbacks.",
    "Several studies have linked night shifts to a higher risk of breast cancer.",
    "Many experts say the surgery has no lasting benefit.",
]

NOT_VAGUE_STATEMENTS = [
    # a consensus denied or disputed is doubt, not support
    "Not all experts agree that the theory explains every case.",
    "Experts disagree about what causes the condition.",
    # news of one study, not an appeal to authority
    "A new study shows that not all cooking oils are alike.",
    # a disease merely named, not a treatment, cause or theory
    "Migraine is a widely recognised health problem.",
    # studies mentioned, not appealed to
    "Other studies of the drug are under way.",
    "Past studies of the therapy left out people over 80.",
    # backed by a named source, asked, or the story's own researchers
    "Studies show that stress triggers migraines, according to the Mayo Clinic.",
    "Do studies show that stress causes migraines?",
    "The researchers believe the theory explains why some patients relapse.",
]


@pytest.mark.parametrize("sentence", VAGUE_STATEMENTS)
def test_vague_statements_flagged_low(auditor, sentence):
    found = vague_findings(auditor, sentence)
    assert [f.severity for f in found] == ["low"]
    assert found[0].evidence["support"] == "vague"


@pytest.mark.parametrize("sentence", NOT_VAGUE_STATEMENTS)
def test_vague_statements_not_flagged(auditor, sentence):
    assert vague_findings(auditor, sentence) == []


def test_vague_statements_message_names_the_appeal(auditor):
    found = vague_findings(auditor, "This theory has gained widespread acceptance among surgeons.")
    assert found and "“widespread acceptance”" in found[0].message


def test_vague_statements_claim_keeps_its_own_severity(auditor):
    # a claim of benefit resting on "studies show" is the claim rule's, at the claim's severity
    found = vague_findings(auditor, "Studies show that the cream relieves eczema.")
    assert [f.severity for f in found] == ["medium"]
