"""Overstated preliminary evidence: a claim stated as fact from a study in mice, cells or a handful of people."""
from __future__ import annotations

import pytest

from analysis.audit import Auditor
from analysis.corpora import article_from_plain_text
from analysis.evidence_level import EvidenceLevel


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


def preliminary_findings(auditor: Auditor, text: str) -> list:
    audit = next(auditor.audit([article_from_plain_text(text, "t")]))
    return [f for f in audit.findings if f.rule == "claim.absolute" and "study" in f.evidence]


MOUSE_STUDY = ("Berry extract reverses memory loss\n\n"
               "The extract restores memory in ageing brains, researchers report.\n\n"
               "The team fed the extract to old mice for eight weeks. Treated mice found "
               "their way through a maze faster than untreated mice.\n")
SMALL_STUDY = ("Drinking beet juice improves brain function in older people.\n\n"
               "Of the 20 healthy adults in the study, half drank the juice every day.\n")
CELL_STUDY = ("Garlic compound prevents cancer\n\n"
              "The compound stopped tumour cells from dividing in cell cultures.\n")

# a case report: "successfully" makes the opening a result, and the report has three patients
CASE_REPORT = ("Doctors used a light therapy to successfully treat patients with severe eczema.\n\n"
               "The report, which includes three patients, appears in a dermatology journal.\n")

FLAGGED = [(MOUSE_STUDY, "animal"), (SMALL_STUDY, "small"), (CELL_STUDY, "lab"), (CASE_REPORT, "small")]

NOT_FLAGGED = [
    # the opening says where the result comes from
    "Berry extract restores memory in mice\n\nThe team fed the extract to old mice for eight weeks.\n",
    # hedged: the claim is offered as a possibility
    "Berry extract may restore memory\n\nThe team fed the extract to old mice for eight weeks. The mice did better.\n",
    # a large trial in people that mentions earlier work in mice
    ("Exercise improves memory in older adults\n\nIn a randomized clinical trial of 1,200 participants, "
     "memory scores rose. Earlier studies in mice had hinted at this. The mice ran on wheels.\n"),
]


@pytest.mark.parametrize("text, kind", FLAGGED)
def test_evidence_level_overstated_lead_flagged(auditor, text, kind):
    found = preliminary_findings(auditor, text)
    assert found and {f.evidence["study"] for f in found} == {kind}
    assert all(len(f.evidence["cues"]) >= 2 for f in found)


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_evidence_level_honest_or_hedged_lead_not_flagged(auditor, text):
    assert not preliminary_findings(auditor, text)


@pytest.mark.parametrize("text, kind", [
    ("Mice were fed the extract. The mice improved.", "animal"),
    ("A pilot study of the app.", "small"),
    ("Twelve participants took the drug.", "small"),
    ("The drug was tested on cell lines.", "lab"),
    ("The case series included four women and two men.", "small"),
    ("The trial enrolled 400 participants; earlier work in mice and rats was promising.", None),
])
def test_evidence_level_study_kind(text, kind):
    level = EvidenceLevel().study_level(text)
    assert (level.kind if level else None) == kind
