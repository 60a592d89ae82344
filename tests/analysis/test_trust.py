"""Trust and balance: author credentials, dates, sources, disclosure of interests and risks."""
from __future__ import annotations

import datetime

import pytest

from analysis.claim_summary import ClaimSummary
from analysis.trust import parse_date, trust_findings
from runstore.records import Article, Block, Link

TODAY = datetime.date(2026, 11, 21)
TITLE = "Ginger Tea and Nausea"
CLAIM = "Ginger tea relieves nausea in most people."


def article(body: str = CLAIM, **fields: object) -> Article:
    text = f"{TITLE}\n\n{body}"
    return Article(url="https://example.org/ginger", text=text, title=TITLE,
                   blocks=[Block("heading", 0, len(TITLE)), Block("paragraph", len(TITLE) + 2, len(text))],
                   **fields)


def claims_in(doc: Article, support: str = "none") -> list[ClaimSummary]:
    start = doc.text.index(CLAIM)
    return [ClaimSummary(start, start + len(CLAIM), "strong", support)]


def rules_of(doc: Article, claims: list[ClaimSummary] | None = None, months: int = 24) -> set[str]:
    findings = trust_findings(doc, claims if claims is not None else claims_in(doc), months, TODAY)
    for finding in findings:
        assert finding.text == doc.text[finding.start:finding.end]
        assert finding.id == "" and finding.message
    return {f.rule for f in findings}


@pytest.mark.parametrize("fields, body, flagged", [
    ({}, CLAIM, True),
    ({"author": "Jane Doe"}, CLAIM, True),
    ({"author": "DrunkForYou"}, CLAIM + "\n\nDrunkForYou2025-09-11 12:43:14", True),
    ({"author": "Jane Doe", "author_credentials": "MD"}, CLAIM, False),
    ({"author": "Jane Doe, RN"}, CLAIM, False),
    ({"author": "Dr. Jane Doe"}, CLAIM, False),
    ({"author": "Jane Doe PhD"}, CLAIM, False),
    ({"author": "Jane Doe", "reviewed_by": "Sam Lee, PharmD"}, CLAIM, False),
    ({}, "By Jane Doe, MPH\n\n" + CLAIM, False),
    ({}, "By Jane Doe\n\n" + CLAIM, True),
    ({"author": "Jane Doe"}, "Medically reviewed by Sam Lee.\n\n" + CLAIM, False),
    ({"author": "Domingo Mdluli"}, CLAIM, True),
])
def test_trust_author_needs_credentials(fields: dict, body: str, flagged: bool) -> None:
    assert ("trust.author" in rules_of(article(body, **fields))) is flagged


def test_trust_author_anchors_on_byline() -> None:
    doc = article(CLAIM + "\n\nDrunkForYou2025-09-11 12:43:14", author="DrunkForYou")
    finding = next(f for f in trust_findings(doc, [], 24, TODAY) if f.rule == "trust.author")
    assert finding.text == "DrunkForYou2025-09-11 12:43:14"
    assert "DrunkForYou" in finding.message


@pytest.mark.parametrize("fields, body, flagged", [
    ({}, CLAIM, True),
    ({"published": "2026-03-01"}, CLAIM, False),
    ({"published": "2019-03-01"}, CLAIM, True),
    ({"published": "2019-03-01", "last_reviewed": "2026-01-10"}, CLAIM, False),
    ({"modified": "2025-12-01T10:00:00Z"}, CLAIM, False),
    ({}, CLAIM + "\n\nDrunkForYou2025-09-11 12:43:14", False),
    ({}, "Published March 3, 2026\n\n" + CLAIM, False),
    ({}, "Last updated: 3 March 2020\n\n" + CLAIM, True),
    ({}, CLAIM + " In a trial that began on 4 May 2025, it helped many people with a long line of text here.", True),
])
def test_trust_date_present_and_recent(fields: dict, body: str, flagged: bool) -> None:
    assert ("trust.date" in rules_of(article(body, **fields))) is flagged


def test_trust_date_limit_is_configurable() -> None:
    doc = article(published="2025-09-11")
    assert "trust.date" not in rules_of(doc, months=24)
    assert "trust.date" in rules_of(doc, months=12)


@pytest.mark.parametrize("value, expected", [
    ("2025-09-11", datetime.date(2025, 9, 11)),
    ("Published March 3, 2026", datetime.date(2026, 3, 3)),
    ("3rd Sept. 2024", datetime.date(2024, 9, 3)),
    ("no date here", None),
])
def test_trust_parse_date_forms(value: str, expected: datetime.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("fields, body, support, flagged", [
    ({}, CLAIM, "none", True),
    ({}, CLAIM, "vague", True),
    ({}, CLAIM, "named", False),
    ({}, CLAIM, "linked", False),
    ({"citations": ["Smith J. BMJ 2020"]}, CLAIM, "none", False),
    ({}, CLAIM + " [1]", "none", False),
    ({}, CLAIM + "\n\nReferences\n\nSmith J. Ginger. 2020.", "none", False),
    ({"links": [Link("https://pubmed.ncbi.nlm.nih.gov/1234/", "a trial", 0, 5)]}, CLAIM, "none", False),
    ({"links": [Link("https://shop.example.org/tea", "our tea", 0, 5)]}, CLAIM, "none", True),
    ({}, CLAIM + " Comments (0)", "none", True),
])
def test_trust_references_for_claims(fields: dict, body: str, support: str, flagged: bool) -> None:
    doc = article(body, **fields)
    assert ("trust.references" in rules_of(doc, claims_in(doc, support))) is flagged


def test_trust_no_claims_no_references_or_risks_finding() -> None:
    assert not {"trust.references", "balance.risks-missing"} & rules_of(article(), [])


@pytest.mark.parametrize("body, flagged", [
    (CLAIM, False),
    (CLAIM + " Buy now and get a 20% discount on our tea blend.", True),
    (CLAIM + " Order today from our shop. This post is sponsored by TeaCo.", False),
    (CLAIM + " Use promo code GINGER at checkout.", True),
    (CLAIM + " Researchers at Example University announced the results today.", True),
    (CLAIM + " Researchers at Example University announced the results today. "
     "The study was funded by the National Institutes of Health.", False),
    (CLAIM + " Dr. Lee is a consultant to TeaCo, which makes the tea.", False),
    (CLAIM + " The authors declare no conflicts of interest. Buy now.", False),
    (CLAIM + " Researchers at Example University found this in a new study. There was no funding "
     "for this study.", False),
    (CLAIM + " The trial was led by Dr. Lee, who is a consultant to TeaCo.", False),
    (CLAIM + " A new study led by Dr. Lee found this, said Dr. Lee.", True),
    (CLAIM + " In the new study, patients reported a 50 percent drop in nausea, said Dr. Lee.", True),
    (CLAIM + " The university is among the top recipients of funding from the NIH. The new study "
     "was led by Dr. Lee.", True),
    (CLAIM + " In the new study, led by Dr. Lee, TeaCo funded the trial.", False),
    (CLAIM + " The new study was backed by Grant 324594 from the Research Council.", False),
])
def test_trust_disclosure_when_promoting(body: str, flagged: bool) -> None:
    assert ("trust.disclosure" in rules_of(article(body))) is flagged


ANNOUNCED = " Researchers at Example University announced the results today."


@pytest.mark.parametrize("body, flagged", [
    (CLAIM + ANNOUNCED + " The trial was funded, in part, by the Research Council.", False),
    (CLAIM + ANNOUNCED + " The trial was supported through a cooperative agreement with the Tea Institute.", False),
    (CLAIM + ANNOUNCED + " TeaCo provided the ginger capsules for the study.", False),
    (CLAIM + ANNOUNCED + " The Tea Board continues to commission studies of tea and health.", False),
    (CLAIM + " The trial, conducted by doctors at Example University and TeaCo, Inc., was small.", False),
    (CLAIM + ANNOUNCED + " The European Commission research office hosted the meeting.", True),
    (CLAIM + ANNOUNCED + " Dr. Lee is a paid consultant to TeaCo.", False),
    (CLAIM + ANNOUNCED + " Dr. Lee is an advisor to the dean for research at Example University.", True),
    (CLAIM + " This is a sponsored post from TeaCo, the maker of the tea. Buy now.", False),
])
def test_trust_disclosure_statements(body: str, flagged: bool) -> None:
    assert ("trust.disclosure" in rules_of(article(body))) is flagged


FUNDED = ANNOUNCED + " The trial was funded by the Research Council."


@pytest.mark.parametrize("body, flagged", [
    (CLAIM + FUNDED, False),
    (CLAIM + FUNDED + " The tea is sold in pharmacies.", True),
    (CLAIM + FUNDED + " The capsules are marketed by TeaCo.", True),
    (CLAIM + FUNDED + " Ginger capsules have been on the market for years.", True),
    (CLAIM + FUNDED + " TeaCo, the manufacturer of the capsules, holds the commercial rights.", True),
    (CLAIM + FUNDED + " The tea is sold in pharmacies. The authors declare no competing interests.", False),
    (CLAIM + FUNDED + " The tea is sold in pharmacies. Dr. Lee holds shares in TeaCo.", False),
    (CLAIM + FUNDED + "\n\nAbout Example University\n\nThe university sells its patents to the company "
     "that makes the most of them.", False),
    (CLAIM + FUNDED + "\n\nAbout the Study\n\nThe capsules are sold by TeaCo.", True),
    (CLAIM + FUNDED + "\n\nABOUT TEACO\n\nTeaCo sells teas and capsules worldwide.", False),
    # the notes after the end of the news still say how the product is marketed
    (CLAIM + FUNDED + "\n\n###\n\nThe capsules are marketed by TeaCo.", True),
])
def test_trust_disclosure_funders_are_not_enough_when_the_product_is_sold(body: str, flagged: bool) -> None:
    assert ("trust.disclosure" in rules_of(article(body))) is flagged


def test_trust_disclosure_names_the_missing_ties() -> None:
    doc = article(CLAIM + FUNDED + " The capsules are marketed by TeaCo. They cost little.")
    finding = next(f for f in trust_findings(doc, claims_in(doc), 24, TODAY) if f.rule == "trust.disclosure")
    assert finding.text == "The capsules are marketed by TeaCo."
    assert "marketed by" in finding.evidence["cues"] and "ties" in finding.message


STUDY_NEWS = ("Researchers at Example University found that ginger tea is the most popular tea in "
              "town, according to a study published today in the Journal of Tea Habits. "
              "\"People like it,\" said Dr. Lee.")


@pytest.mark.parametrize("body, flagged", [
    (STUDY_NEWS, True),
    (STUDY_NEWS + " The study was funded by the Research Council.", False),
    ("A study found that ginger tea is the most popular tea in town.", False),
    ("Ginger tea is popular. \"People like it,\" said Dr. Lee.", False),
])
def test_trust_disclosure_announced_study_without_claims(body: str, flagged: bool) -> None:
    assert ("trust.disclosure" in rules_of(article(body), [])) is flagged


def test_trust_disclosure_anchors_on_the_promotion() -> None:
    doc = article(CLAIM + " Buy now and get a 20% discount on our tea blend.")
    finding = next(f for f in trust_findings(doc, claims_in(doc), 24, TODAY) if f.rule == "trust.disclosure")
    assert finding.text == "Buy now and get a 20% discount on our tea blend."
    assert "buy now" in finding.evidence["cues"]


@pytest.mark.parametrize("body, flagged", [
    (CLAIM, True),
    (CLAIM + " Side effects include heartburn.", False),
    (CLAIM + " Talk to your doctor about the risks and benefits.", False),
    (CLAIM + " Ask a pharmacist to explain the benefits, risks and costs.", False),
    (CLAIM + " Ask your pharmacist about possible side effects.", False),
    (CLAIM + " The survey weighed up the risks and benefits of herbal teas.", True),
    (CLAIM + " It is one of the largest studies of the risks and benefits of ginger.", True),
    (CLAIM + " Serious adverse events were rare.", False),
    (CLAIM + " Complications such as infection can occur after surgery.", False),
    (CLAIM + " It is not suitable for people taking blood thinners.", False),
    (CLAIM + " Standard doses are not suitable for them.", True),
    (CLAIM + " It has no side effects at all.", True),
    (CLAIM + " Ginger is risk-free and works without complications.", True),
    (CLAIM + " Regular tea drinkers had a lower risk of heart disease.", True),
    (CLAIM + " It causes fewer side effects than current drugs.", True),
    (CLAIM + " It may prevent diabetes-related complications.", True),
    (CLAIM + " Side effects of existing treatments include drowsiness.", True),
    (CLAIM + " There were no serious adverse events in the trial.", False),
    (CLAIM + " The volunteers have had no side effects over three years of follow-up.", False),
    (CLAIM + " The most common side effects were heartburn and bloating.", False),
    (CLAIM + " Two people withdrew from the study because of heartburn.", False),
    (CLAIM + " One woman treated with ginger withdrew from the study due to heartburn.", False),
    (CLAIM + " Complication rates were 4% in both groups.", False),
    (CLAIM + " The gain in sleep was outweighed by its risks in older drinkers.", False),
])
def test_trust_balance_risks_missing(body: str, flagged: bool) -> None:
    assert ("balance.risks-missing" in rules_of(article(body))) is flagged


@pytest.mark.parametrize("body, flagged", [
    (CLAIM + " Complications can occur after surgery.", True),
    (CLAIM + " Side effects were mild to moderate and similar to other teas.", True),
    (CLAIM + " The tea was well tolerated and reported side effects were minor.", True),
    (CLAIM + " Reported side effects were minor: mostly heartburn.", False),
    (CLAIM + " Side effects were reported. They were mostly mild heartburn.", False),
    (CLAIM + " Side effects were reported in 12 percent of drinkers.", False),
    (CLAIM + " Side effects were reported by 3 of the 40 drinkers.", False),
    (CLAIM + " Serious side effects were reported in two older volunteers.", False),
    (CLAIM + " Side effects were reported in one in ten drinkers.", False),
    (CLAIM + " Mild side effects, such as bloating, were reported.", False),
    (CLAIM + " The most common side effect was nausea.", False),
])
def test_trust_balance_passing_harm_mention_is_not_enough(body: str, flagged: bool) -> None:
    doc = article(body)
    found = [f for f in trust_findings(doc, claims_in(doc), 24, TODAY) if f.rule == "balance.risks-missing"]
    assert bool(found) is flagged
    if found:
        assert "names no side effect" in found[0].message and found[0].evidence["cues"]


@pytest.mark.parametrize("body, flagged", [
    ("A new blood test can detect ovarian cancer years before symptoms appear.", True),
    ("The scan reliably identifies which patients had a concussion.", True),
    ("The condition can now be diagnosed quickly with two simple blood tests.", True),
    ("The goggles showed 95 percent sensitivity in the clinic.", True),
    ("A new blood test can detect ovarian cancer. It gives false positives in 1 of 20 women.", False),
    ("A new blood test can detect ovarian cancer; in the study it missed 3 of 50 cancers.", False),
    ("Ovarian cancer is hard to spot early and often causes bloating.", False),
])
def test_trust_balance_test_presentation_needs_its_errors(body: str, flagged: bool) -> None:
    doc = article(body)
    found = [f for f in trust_findings(doc, [], 24, TODAY) if f.rule == "balance.risks-missing"]
    assert bool(found) is flagged
    if found:
        assert "false positives" in found[0].message and found[0].text in body


@pytest.mark.parametrize(("claims", "anchor"), [
    # the strongest promise of the body, not the issuer's self-praise after "About TeaCo"
    ([("TeaCo tea improves lives.", "absolute"), ("Strong brews cure colds in a day.", "absolute"),
      ("Green tea eases colds.", "strong"), (CLAIM, "hedged")], "Strong brews cure colds in a day."),
    ([("Green tea eases colds.", "strong"), ("Strong brews cure colds in a day.", "strong"),
      (CLAIM, "hedged")], "Green tea eases colds."),
    # hedged claims only: the first of them
    ([("Strong brews cure colds in a day.", "hedged"), (CLAIM, "hedged")], CLAIM),
])
def test_trust_balance_anchors_on_the_strongest_claim_of_the_body(claims, anchor) -> None:
    body = (f"{CLAIM}\n\nGreen tea eases colds.\n\nStrong brews cure colds in a day.\n\n"
            "About TeaCo\n\nTeaCo tea improves lives.")
    doc = article(body)
    spans = [ClaimSummary(doc.text.index(c), doc.text.index(c) + len(c), strength, "none")
             for c, strength in claims]
    finding = next(f for f in trust_findings(doc, spans, 24, TODAY) if f.rule == "balance.risks-missing")
    assert finding.text == anchor
    assert "how often" in finding.message


def test_trust_user_rule_files_extend_disclosure(tmp_path) -> None:
    body = CLAIM + " Buy now. TeaCo paid the bills for this work."
    path = tmp_path / "site.toml"
    path.write_text('# our house phrasing\n[trust.disclosure]\nfunding = ["\\\\bpaid the bills\\\\b"]\n',
                    encoding="utf-8")
    assert "trust.disclosure" in rules_of(article(body))
    doc = article(body)
    found = trust_findings(doc, claims_in(doc), 24, TODAY, rule_files=(str(path),))
    assert "trust.disclosure" not in {f.rule for f in found}


@pytest.mark.parametrize("heading, flagged", [
    ("Risks and side effects", False),
    ("Is it safe?", False),
    ("Safe and free of side effects", True),
    ("How to brew it", True),
])
def test_trust_balance_risk_section_heading(heading: str, flagged: bool) -> None:
    text = f"{TITLE}\n\n{CLAIM}\n\n{heading}\n\nAsk a pharmacist."
    start = text.index(heading, len(TITLE))
    doc = Article(url="https://example.org/a", text=text, title=TITLE,
                  blocks=[Block("heading", 0, len(TITLE)), Block("heading", start, start + len(heading))])
    assert ("balance.risks-missing" in rules_of(doc)) is flagged


@pytest.mark.parametrize("body, flagged", [
    (CLAIM + " In one small study, people slept longer [2]. The study was small.", False),
    (CLAIM + "\n\nAppel LJ, Moore TJ, Obarzanek E, et al. A clinical trial of the effects of diet.", False),
    (CLAIM + " The study was small.", True),
])
def test_trust_disclosure_cited_study_is_not_promotion(body: str, flagged: bool) -> None:
    assert ("trust.disclosure" in rules_of(article(body))) is flagged


def test_trust_balance_user_rule_files_extend_risk_statements(tmp_path) -> None:
    body = CLAIM + " Use with caution in pregnancy."
    path = tmp_path / "site.toml"
    path.write_text('# our house phrasing\n[trust.balance]\nrisk_statements = ["\\\\buse with caution\\\\b"]\n',
                    encoding="utf-8")
    assert "balance.risks-missing" in rules_of(article(body))
    doc = article(body)
    found = trust_findings(doc, claims_in(doc), 24, TODAY, rule_files=(str(path),))
    assert "balance.risks-missing" not in {f.rule for f in found}
