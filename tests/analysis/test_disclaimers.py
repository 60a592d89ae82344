"""Disclaimer status in many real phrasings, bare labels, other senses, site pages and required text."""
from __future__ import annotations

import pytest

from analysis.disclaimers import assess_disclaimer
from runstore.records import Article, Block, Link

BODY = "Ginger Tea and Nausea\n\nGinger tea is a popular drink. Many people enjoy it after meals.\n\n"


def article(tail: str = "", **fields: object) -> Article:
    text = BODY + tail
    blocks = [Block("heading", 0, 21)]
    return Article(url="https://example.org/ginger", text=text, title="Ginger Tea and Nausea",
                   blocks=blocks, **fields)


PRESENT = [
    "This article is not a substitute for professional medical advice, diagnosis or treatment.",
    "The content on this site is for informational purposes only.",
    "This information is for general informational and educational purposes only.",
    "Nothing on this page constitutes medical advice. It does not constitute medical advice.",
    "Always seek the advice of your physician or other qualified health provider with any questions.",
    "These statements have not been evaluated by the FDA. This product is not intended to diagnose, treat, cure or prevent any disease.",
    "The information should not be relied upon as medical advice.",
    "This is not medical advice.",
    "Never disregard professional medical advice or delay in seeking it because of something you read here.",
    "Disclaimer: This article is for educational purposes only and is not intended as medical advice.",
    "The material is not meant to replace the advice of your doctor.",
    "Our content does not create a doctor-patient relationship.",
    "This content is NOT   a substitute\nfor professional medical advice.",
    "It is not intended to be a substitute for professional medical advice.",
]


@pytest.mark.parametrize("tail", PRESENT)
def test_disclaimers_full_phrasings_are_present(tail: str) -> None:
    assert assess_disclaimer(article(tail)) == ("present", [])


ADVISORY = [
    "Consult your doctor before trying any new remedy.",
    "Talk to your doctor if your nausea lasts more than two days.",
    "It is essential to consult with a healthcare provider to decide if it suits you.",
    "Speak with your pharmacist about interactions.",
    "Ask your doctor whether ginger is right for you.",
    "Please seek medical advice if symptoms persist.",
]


@pytest.mark.parametrize("tail", ADVISORY)
def test_disclaimers_advice_alone_is_weak(tail: str) -> None:
    doc = article(tail)
    status, findings = assess_disclaimer(doc)
    assert status == "advisory-only"
    assert [f.rule for f in findings] == ["disclaimer.weak"]
    finding = findings[0]
    assert finding.text == doc.text[finding.start:finding.end] == tail


MISSING = [
    "",
    "The company disclaimed any responsibility for the recall.",
    "He read the disclaimer on the bottle and laughed.",
    "Doctors have long recommended ginger for travel sickness.",
]


@pytest.mark.parametrize("tail", MISSING)
def test_disclaimers_absent_or_other_sense_is_missing(tail: str) -> None:
    doc = article(tail)
    status, findings = assess_disclaimer(doc)
    assert status == "missing"
    assert [f.rule for f in findings] == ["disclaimer.missing"]
    assert findings[0].text == "Ginger Tea and Nausea"
    assert findings[0].id == ""


@pytest.mark.parametrize("tail, label", [
    ("Disclaimer\n\nComments", "Disclaimer"),
    ("Medical Disclaimer:\n", "Medical Disclaimer:"),
    ("  disclaimer  \nShare this page", "disclaimer"),
])
def test_disclaimers_bare_label_is_weak(tail: str, label: str) -> None:
    doc = article(tail)
    status, findings = assess_disclaimer(doc)
    assert status == "advisory-only"
    assert findings[0].rule == "disclaimer.weak"
    assert findings[0].text == label == doc.text[findings[0].start:findings[0].end]
    assert "label" in findings[0].message


@pytest.mark.parametrize("page, status", [
    ("The information on this website is not a substitute for professional medical advice.", "present"),
    ("All content copyright 2024 Example Health. All rights reserved.", "advisory-only"),
    (None, "advisory-only"),
])
def test_disclaimers_linked_page_decides(page: str | None, status: str) -> None:
    tail = "Read our disclaimer."
    start = len(BODY) + tail.index("disclaimer")
    doc = article(tail, links=[Link("https://example.org/disclaimer", "disclaimer", start, start + 10)],
                  disclaimer_url="https://example.org/disclaimer", site_disclaimer=page)
    got, findings = assess_disclaimer(doc)
    assert got == status
    if status == "advisory-only":
        assert findings[0].rule == "disclaimer.weak" and findings[0].text == "disclaimer"


def test_disclaimers_site_page_counts_without_a_link_in_text() -> None:
    doc = article(site_disclaimer="For informational purposes only. Not medical advice.")
    assert assess_disclaimer(doc) == ("present", [])


@pytest.mark.parametrize("required, status", [
    ("This article is for information only.", "present"),
    ("THIS   article is for\ninformation only.", "present"),
    ("Information here was reviewed by our board.", "missing"),
])
def test_disclaimers_required_text_must_appear(required: str, status: str) -> None:
    doc = article("This article is for information only. Not a substitute for professional medical advice.")
    got, findings = assess_disclaimer(doc, required_text=required)
    assert got == status
    if status == "missing":
        assert findings[0].rule == "disclaimer.missing"
        assert findings[0].evidence["required"] == required


def test_disclaimers_offsets_index_the_text() -> None:
    doc = article("Talk to your doctor first!\nMore reading")
    _, findings = assess_disclaimer(doc)
    assert findings[0].text == "Talk to your doctor first!"


VET = "This page is no replacement for a visit to your vet."


@pytest.mark.parametrize("rule_file, status", [
    ("", "missing"),
    ('[disclaimers.phrasings]\nfull = ["no replacement for a visit to your vet"]\n', "present"),
    ('[disclaimers.phrasings]\nadvisory = ["a visit to your vet"]\n', "advisory-only"),
])
def test_disclaimers_user_rule_files_extend_phrasings(tmp_path, rule_file: str, status: str) -> None:
    files: tuple[str, ...] = ()
    if rule_file:
        path = tmp_path / "site.toml"
        path.write_text(rule_file, encoding="utf-8")
        files = (str(path),)
    found, _ = assess_disclaimer(article(VET), rule_files=files)
    assert found == status
    assert assess_disclaimer(article(VET))[0] == "missing"  # the bundled rules are left alone
