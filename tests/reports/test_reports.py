"""Reports: every format written, the contract's JSON, the diff, triage and --fail-on inputs."""
from __future__ import annotations

import csv
import json

import openpyxl
import pytest

from reports.triage_import import import_triage
from reports.write import write_reports
from runstore import Page
from tests.builders import add_run

A, B = "http://site.test/a.html", "http://site.test/b.html"
CURE = ("claim.absolute", "high", "cures migraines for good")
SAFE = ("claim.vague-attribution", "medium", "Studies show it is safe.")
CONSULT = ("disclaimer.weak", "low", "Consult your doctor.")


def test_reports_write_every_format(store, tmp_path):
    run_id = add_run(store, {A: [CURE, SAFE], B: [CONSULT]})
    result = write_reports(store, run_id, ["html", "csv", "xlsx", "json"], tmp_path / "out")
    names = sorted(p.name for p in result.paths)
    assert names == ["articles.csv", "findings.csv", "findings.xlsx", "index.html", "pages.csv",
                     "report.json"]
    assert result.paths[0].name == "index.html"
    assert sorted(result.severities) == ["high", "low", "medium"]


def test_reports_json_follows_the_contract(store, tmp_path):
    run_id = add_run(store, {A: [CURE, SAFE]})
    write_reports(store, run_id, ["json"], tmp_path)
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["tool"] == "healthaudit" and report["run"] == run_id
    doc = report["documents"][0]
    assert {"url", "title", "author", "published", "modified", "text", "disclaimer", "metrics",
            "findings"} <= set(doc)
    for finding in doc["findings"]:
        assert doc["text"][finding["start"]:finding["end"]] == finding["text"]
        assert finding["status"] == "open"
        assert set(finding["evidence"]) == {"cues", "strength", "support"}
    assert report["errors"] == [{"url": "http://site.test/gone.html", "reason": "HTTP 404"}]
    assert report["summary"]["findings"]["by_rule"] == {"claim.absolute": 1, "claim.vague-attribution": 1}
    assert report["summary"]["pages"]["failed"] == 1


def test_reports_csv_and_xlsx_hold_every_finding(store, tmp_path):
    run_id = add_run(store, {A: [CURE, SAFE], B: [CONSULT]})
    write_reports(store, run_id, ["csv", "xlsx"], tmp_path)
    rows = list(csv.DictReader((tmp_path / "findings.csv").open()))
    assert len(rows) == 3 and rows[0]["severity"] == "high"
    assert {"id", "url", "rule", "severity", "status", "message", "text", "start", "end"} <= set(rows[0])
    book = openpyxl.load_workbook(tmp_path / "findings.xlsx")
    assert book.sheetnames == ["findings", "articles", "pages", "by rule", "triage history"]
    sheet = book["findings"]
    assert sheet.max_row == 4 and sheet.freeze_panes == "A2"


def test_reports_html_lists_every_article_with_its_findings(store, tmp_path):
    run_id = add_run(store, {A: [CURE], B: []})
    write_reports(store, run_id, ["html"], tmp_path)
    index = (tmp_path / "index.html").read_text()
    assert index.count("Migraine surgery") >= 2 and "claim.absolute" in index
    assert ">nan<" not in index  # missing values show as blanks, not pandas' NaN
    pages = list((tmp_path / "articles").glob("*.html"))
    assert len(pages) == 2
    marked = [p.read_text() for p in pages if "<mark" in p.read_text()]
    assert len(marked) == 1 and "cures migraines for good</a></mark>" in marked[0]
    assert all("nan" not in p.read_text().split() for p in pages)


def test_reports_html_groups_an_articles_findings_by_passage(store, tmp_path):
    unsupported = ("claim.unsupported", "critical", "cures migraines for good")
    no_sources = ("trust.references", "high", "Migraine surgery")
    run_id = add_run(store, {A: [CURE, SAFE, unsupported, no_sources]})
    write_reports(store, run_id, ["html"], tmp_path)
    page = next((tmp_path / "articles").glob("*.html")).read_text()
    assert page.count("<blockquote>") == 2  # one per flagged sentence, whatever its findings
    whole, passages = page.index("The whole article"), page.index("Flagged passages (2)")
    assert whole < page.index("trust.references") < passages
    cure = page.index("“cures migraines for good”")
    assert cure < page.index("claim.unsupported") < page.index("claim.absolute") < page.index("“Studies show")


def test_reports_html_lists_links_out_of_the_site_apart_from_failures(store, tmp_path):
    run_id = add_run(store, {A: [CURE]})
    store.record_page(run_id, Page(url="https://pubmed.example.org/1", outcome="offsite", referrer=A,
                                   error=f"off-site link on {A}; not followed"))
    write_reports(store, run_id, ["html", "csv"], tmp_path)
    index = (tmp_path / "index.html").read_text()
    failures, offsite = index.index("Pages not audited (1)"), index.index("Links out of the site, not followed (1)")
    assert failures < index.index("http://site.test/gone.html") < offsite < index.index("https://pubmed.example.org/1")
    pages = {row["url"]: row for row in csv.DictReader((tmp_path / "pages.csv").open())}
    assert pages["https://pubmed.example.org/1"]["referrer"] == A


def test_reports_keep_when_each_finding_was_first_seen_and_its_triage_history(store, tmp_path):
    first = add_run(store, {A: [CURE]})
    second = add_run(store, {A: [CURE, SAFE]})
    rows = lambda: {r["text"]: r for r in csv.DictReader((tmp_path / "findings.csv").open())}  # noqa: E731
    write_reports(store, second, ["csv"], tmp_path)
    cure_id = rows()["cures migraines for good"]["id"]
    store.set_triage(cure_id, "accepted", "claim softened in the next edition")
    store.set_triage(cure_id, "fixed", "reworded")
    write_reports(store, second, ["csv", "xlsx"], tmp_path)
    assert rows()["cures migraines for good"]["first_seen"] == first
    assert rows()["Studies show it is safe."]["first_seen"] == second
    history = list(openpyxl.load_workbook(tmp_path / "findings.xlsx")["triage history"].values)
    assert history[0] == ("finding_id", "rule", "url", "status", "note", "updated")
    assert [row[:5] for row in history[1:]] == [
        (cure_id, "claim.absolute", A, "accepted", "claim softened in the next edition"),
        (cure_id, "claim.absolute", A, "fixed", "reworded")]


def test_reports_diff_marks_new_persisting_and_resolved(store, tmp_path):
    first = add_run(store, {A: [CURE, SAFE]})
    second = add_run(store, {A: [CURE, CONSULT]})
    result = write_reports(store, second, ["json"], tmp_path, since=first)
    report = json.loads((tmp_path / "report.json").read_text())
    changes = {f["text"]: f["change"] for f in report["documents"][0]["findings"]}
    assert changes == {"cures migraines for good": "persisting", "Consult your doctor.": "new",
                       "Studies show it is safe.": "resolved"}
    assert result.severities == ["low"]  # only the new finding counts for --fail-on
    assert report["summary"]["findings"]["by_change"] == {"persisting": 1, "new": 1, "resolved": 1}


def test_reports_since_an_unknown_run_is_an_error(store, tmp_path):
    run_id = add_run(store, {A: [CURE]})
    with pytest.raises(Exception, match="no run"):
        write_reports(store, run_id, ["json"], tmp_path, since="19990101-000000")


def test_reports_triage_status_imported_from_edited_csv(store, tmp_path):
    run_id = add_run(store, {A: [CURE, SAFE]})
    write_reports(store, run_id, ["csv"], tmp_path)
    rows = list(csv.DictReader((tmp_path / "findings.csv").open()))
    rows[0]["status"], rows[0]["note"] = "false-positive", "quote from a patient"
    with (tmp_path / "edited.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=rows[0].keys())
        writer.writeheader()
        writer.writerows(rows)
    assert import_triage(store, str(tmp_path / "edited.csv")) == 1
    result = write_reports(store, run_id, ["json"], tmp_path)
    assert result.severities == ["medium"]  # the false positive no longer counts
    statuses = {f["id"]: f["status"] for f in
                json.loads((tmp_path / "report.json").read_text())["documents"][0]["findings"]}
    assert statuses[rows[0]["id"]] == "false-positive"


def test_reports_triage_import_with_a_bad_status_changes_nothing(store, tmp_path):
    run_id = add_run(store, {A: [CURE, SAFE]})
    write_reports(store, run_id, ["csv"], tmp_path)
    rows = list(csv.DictReader((tmp_path / "findings.csv").open()))
    rows[0]["status"], rows[1]["status"] = "accepted", "whatever"
    with (tmp_path / "edited.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=rows[0].keys())
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(ValueError, match="row 3: unknown status 'whatever'"):
        import_triage(store, str(tmp_path / "edited.csv"))
    assert store.triage() == {}
