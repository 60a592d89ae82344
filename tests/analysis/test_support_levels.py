"""Support levels of a claim: who vouches for it, read from the sentence and the text just before."""
from __future__ import annotations

import pytest

from analysis.audit import Auditor
from analysis.corpora import article_from_sentence
from analysis.rulebook import cue_sets, load_rules
from analysis.support import SupportContext, SupportReader

FLAGGING = {"claim.unsupported", "claim.vague-attribution"}


@pytest.fixture(scope="module")
def reader() -> SupportReader:
    return SupportReader(cue_sets(), load_rules()["support"]["generic_speakers"]["words"])


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


def support_of(reader: SupportReader, sentence: str, before: str = "") -> str:
    return reader.read(SupportContext(sentence, "", before, False))[0]


def flagged(auditor: Auditor, sentence: str, before: str = "") -> set[str]:
    article, start = article_from_sentence(sentence, before, "t")
    audit = next(auditor.audit([article]))
    return {f.rule for f in audit.findings if f.rule in FLAGGING and f.start >= start}


# (paragraph before, sentence, support level)
BACK_REFERENCES = [
    # reported speech: the speaker must be named in reach, or the reader cannot tell who vouches
    ("Professor Lena Brandt led the work at a clinic in Malmo.",
     "She said the therapy helps patients recover faster than rest alone.", "named"),
    ("The clinic sees about 200 patients a week.",
     "She said the therapy helps patients recover faster than rest alone.", "vague"),
    ("The clinic sees about 200 patients a week.",
     "The therapy helps patients recover faster than rest alone, she said.", "vague"),
    ("The trial ran for two years.", "The authors concluded that the patch works better than pills.", "vague"),
    # an outside expert introduced the usual way
    ("Okafor, who was not involved in the study, called the results encouraging.",
     "The therapy helps patients recover faster than rest alone, he said.", "named"),
    # a quotation is the speaker's own words, tagged at first mention or after it
    ("The clinic sees about 200 patients a week.",
     "\"The therapy helps patients recover faster than rest alone,\" he added.", "named"),
    # ... unless the quoted speaker leans on evidence nobody names
    ("The clinic sees about 200 patients a week.",
     "\"From all the published trials, the drug clearly lowers blood pressure,\" he said.", "vague"),
    # nothing visible before it (an excerpt): the speaker gets the benefit of the doubt
    ("", "The drug lowers blood pressure within a week, he said.", "named"),
    # "patients said they would" is testimony of lay people, not a speaker's tag
    ("", "Most patients said they would use the cream again because it relieved the itching.", "vague"),
]


@pytest.mark.parametrize("before, sentence, level", BACK_REFERENCES)
def test_support_levels_back_reference_needs_a_name_in_reach(reader, before, sentence, level):
    assert support_of(reader, sentence, before) == level


# A person named the usual ways of a news story makes a later "she said" named.
SHRANK = "The drug shrank tumors in 60 percent of patients, she said."
NAME_FORMS = [
    ("Ruiz and her colleagues followed 300 women with early breast cancer.", SHRANK, "named"),
    ("Ana Ruiz, who led the study, presented the results in Vienna.", SHRANK, "named"),
    ("Lead author Ana Ruiz presented the findings in Vienna.", SHRANK, "named"),
    ("Ruiz, an oncologist in Madrid, treated 40 patients.", SHRANK, "named"),
    ("Ruiz's team tracked 300 women for five years.", SHRANK, "named"),
    # a place is not a person
    ("In Boston, the team enrolled 40 patients.", SHRANK, "vague"),
    ("He and his colleagues enrolled 40 patients.", SHRANK, "vague"),
]


@pytest.mark.parametrize("before, sentence, level", NAME_FORMS)
def test_support_levels_person_named_in_news_style(reader, before, sentence, level):
    assert support_of(reader, sentence, before) == level


# Company-reported results: named when the company is named nearby.
COMPANY_REPORTS = [
    ("Drugmaker Novarin presented the data at a meeting in Vienna.",
     "The injection cut hospital admissions by a third, the company said.", "named"),
    ("Helix Therapeutics released the figures on Monday.",
     "The injection cut hospital admissions by a third, the company said.", "named"),
    ("The clinic opened a new wing last spring.",
     "The injection cut hospital admissions by a third, the company said.", "vague"),
    ("", "According to a company press release, the gel relieves itching in most users.", "vague"),
    ("The clinic opened last year.", "The pill cut migraine days in half, the drugmaker said.", "vague"),
    ("Novarin Pharmaceuticals ran the trial.", "The pill cut migraine days in half, the drugmaker said.", "named"),
]


@pytest.mark.parametrize("before, sentence, level", COMPANY_REPORTS)
def test_support_levels_company_named_nearby(reader, before, sentence, level):
    assert support_of(reader, sentence, before) == level


# Outcome reports (numbers, group comparisons) continue the report of the study named just before.
OUTCOME_REPORTS = [
    ("The Leeds trial, published in the Journal of Pain, followed 400 adults with back pain.",
     "Those who did the exercises had 30 percent less pain at six months.", "named"),
    ("One study followed 400 adults with back pain for a year.",
     "Those who did the exercises had 30 percent less pain than those who rested.", "vague"),
    ("Back pain is the most common reason for missed work.",
     "Those who did the exercises had 30 percent less pain at six months.", "none"),
    # a claim that is not an outcome report does not inherit the study named before it
    ("The Leeds trial, published in the Journal of Pain, followed 400 adults with back pain.",
     "Yoga relieves back pain.", "none"),
]


@pytest.mark.parametrize("before, sentence, level", OUTCOME_REPORTS)
def test_support_levels_outcome_report_continues_named_study(reader, before, sentence, level):
    assert support_of(reader, sentence, before) == level


# "The researchers found", "the trial found": named when the study is named just before.
FOUND = "The researchers found that children who took the probiotic had fewer infections."
STUDY_BACK_REFERENCES = [
    ("The findings were published online in Gastroenterology.", FOUND, "named"),
    ("The results were presented at ASCO in Chicago.", FOUND, "named"),
    ("The trial, known as PROTECT, enrolled 3,000 children.", FOUND, "named"),
    ("The study was published in March.", FOUND, "vague"),
    ("The results were presented at a meeting in Chicago.", FOUND, "vague"),
]


@pytest.mark.parametrize("before, sentence, level", STUDY_BACK_REFERENCES)
def test_support_levels_study_back_reference_to_named_study(reader, before, sentence, level):
    assert support_of(reader, sentence, before) == level


# Bodies of evidence pointed at but never named are vague.
UNNAMED_EVIDENCE = [
    "Several studies have found that green tea lowers cholesterol.",
    "Decades of research show that exercise prevents depression.",
    "A growing body of evidence shows that the diet reverses fatty liver.",
    "Previous trials found that the vaccine protects older adults.",
    # a profession or unnamed experts vouching
    "Dermatologists recommend the cream because it heals cracked skin.",
    "According to doctors, the diet lowers cholesterol within weeks.",
]


@pytest.mark.parametrize("sentence", UNNAMED_EVIDENCE)
def test_support_levels_unnamed_body_of_evidence_is_vague(reader, sentence):
    assert support_of(reader, sentence) == "vague"


# Sentences an audit must flag: outcomes with numbers, testimony, "experts say", company claims.
MUST_FLAG = [
    ("", "Patients who took the pill had 40 percent fewer migraine attacks than those on placebo."),
    ("", "Three out of four children who used the inhaler were symptom-free within a month."),
    ("", "Many patients say the cream cleared their eczema within days."),
    ("", "Countless parents swear the oil relieves their babies' colic."),
    ("", "Experts say daily flossing prevents heart disease."),
    ("The clinic opened a new wing last spring.", "The injection cut hospital admissions by a third, the company said."),
    ("The trial ran for two years.", "The authors concluded that the patch works better than pills."),
]

MUST_NOT_FLAG = [
    ("The HALO trial, published in the Journal of Pain, followed 400 adults.",
     "The trial found that the injections eased pain for most of them."),
    ("Dr. Amara Osei of the University of Ghana led the trial.",
     "Those who did the exercises had 30 percent less pain than those who rested."),
    ("Helix Therapeutics released the figures on Monday.",
     "The injection cut hospital admissions by a third, the company said."),
    ("", "Patients who exercised had no fewer migraine attacks than those who rested."),
]


@pytest.mark.parametrize("before, sentence", MUST_FLAG)
def test_support_levels_unsupported_claims_flagged(auditor, before, sentence):
    assert flagged(auditor, sentence, before)


@pytest.mark.parametrize("before, sentence", MUST_NOT_FLAG)
def test_support_levels_supported_claims_not_flagged(auditor, before, sentence):
    assert not flagged(auditor, sentence, before)
