"""The command line end to end: the demo site crawled over HTTP, the seeds checked, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from demo.server import SiteServer, demo_site_root
from runstore import RunStore

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXPECTED = json.loads((ROOT / "demo" / "expected.json").read_text())
ARTICLES = {path: spec for path, spec in EXPECTED.items() if path != "non_articles"}


def healthaudit(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "pipeline.py"), *args], input=stdin,
                          capture_output=True, text=True, cwd=cwd or ROOT, timeout=300)


@pytest.fixture(scope="module")
def demo_runs(tmp_path_factory):
    """Two nightly runs of the demo site into one store; the second finds nothing changed."""
    work = tmp_path_factory.mktemp("demo")
    with SiteServer(demo_site_root()) as server:
        args = ("run", server.base_url + "/", "--db", str(work / "h.db"), "--delay", "0")
        first = healthaudit(*args, "--out", str(work / "first"))
        second = healthaudit(*args, "--out", str(work / "second"), "--fail-on", "low")
        requests = [path for _, path, _ in server.requests]
    return work, first, second, requests


def report(work: Path, name: str) -> dict:
    return json.loads((work / name / "report.json").read_text())


def test_pipeline_run_reports_every_demo_article(demo_runs):
    work, first, _, _ = demo_runs
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == str(work / "first" / "index.html")
    documents = {doc["url"].split("://", 1)[1].split("/", 1)[1]: doc
                 for doc in report(work, "first")["documents"]}
    assert sorted("/" + path for path in documents) == sorted(ARTICLES)
    index = (work / "first" / "index.html").read_text()
    for spec in ARTICLES.values():
        assert spec["title"] in index


def test_pipeline_run_progress_ends_with_the_crawl_totals(demo_runs):
    _, first, _, _ = demo_runs
    totals = [line for line in first.stderr.splitlines() if line.startswith("crawl: ")][-1]
    assert totals.endswith(f"{len(ARTICLES)} articles"), first.stderr


def test_pipeline_run_flags_the_bad_articles_and_spares_the_clean(demo_runs):
    work, *_ = demo_runs
    for doc in report(work, "first")["documents"]:
        spec = ARTICLES["/" + doc["url"].split("://", 1)[1].split("/", 1)[1]]
        rules = {f["rule"] for f in doc["findings"] if f["severity"] != "info"}
        flagged = [f["text"] for f in doc["findings"] if f["rule"].startswith("claim.")]
        for passage in spec.get("must_flag", []):
            assert any(passage in text or text in passage for text in flagged), (doc["url"], passage)
        for passage in spec.get("must_not_flag", []):
            assert not any(passage in text for text in flagged), (doc["url"], passage)
        if spec["kind"] == "clean":
            assert not rules & {"claim.unsupported", "claim.absolute", "trust.author"}, doc["url"]


def test_pipeline_never_requests_what_robots_txt_forbids(demo_runs):
    *_, requests = demo_runs
    assert requests and not [path for path in requests if path.startswith("/private/")]


def test_pipeline_second_run_is_incremental_and_reports_no_new_findings(demo_runs):
    work, first, second, _ = demo_runs
    assert second.returncode == 0, second.stderr  # --fail-on counts only new findings
    summary = report(work, "second")["summary"]
    assert summary["pages"]["unchanged"] == len(ARTICLES)
    assert summary["articles"] == {"analysed": 0, "skipped": len(ARTICLES), "total": len(ARTICLES)}
    assert set(summary["findings"]["by_change"]) == {"persisting"}
    first_ids = {f["id"] for d in report(work, "first")["documents"] for f in d["findings"]}
    second_ids = {f["id"] for d in report(work, "second")["documents"] for f in d["findings"]}
    assert first_ids == second_ids


def test_pipeline_runs_lists_both_runs_and_triage_changes_a_status(demo_runs):
    work, *_ = demo_runs
    runs = json.loads(healthaudit("runs", "--db", str(work / "h.db"), "--format", "json").stdout)
    assert len(runs) == 2 and all(r["status"] == "done" for r in runs)
    finding = next(f for d in report(work, "second")["documents"] for f in d["findings"])
    done = healthaudit("triage", finding["id"], "--status", "accepted", "--db", str(work / "h.db"))
    assert done.returncode == 0, done.stderr
    again = healthaudit("report", "--db", str(work / "h.db"), "--format", "json",
                        "--out", str(work / "third"))
    statuses = {f["id"]: f["status"] for d in report(work, "third")["documents"] for f in d["findings"]}
    assert statuses[finding["id"]] == "accepted"
    assert again.returncode == 0


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not beside the project")
def test_pipeline_check_flags_every_must_sentence_of_the_seeds():
    labels = json.loads((SEEDS / "labels.json").read_text())
    names = sorted(name for name in labels if name.endswith(".txt"))
    result = healthaudit("check", *[str(SEEDS / n) for n in names], "--format", "json")
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    for name, doc in zip(names, documents):
        assert doc["text"] == (SEEDS / name).read_text()
        assert doc["disclaimer"] == labels[name]["disclaimer"]
        unsupported = [f["text"] for f in doc["findings"] if f["rule"] == "claim.unsupported"]
        for sentence in labels[name]["claims"]["must"]:
            assert any(sentence in text for text in unsupported), sentence
        for finding in doc["findings"]:
            assert doc["text"][finding["start"]:finding["end"]] == finding["text"]


def test_pipeline_check_reads_markdown_from_stdin_and_fails_on_severity():
    text = "# Knee pain\n\nThis miracle cream cures arthritis in every patient, guaranteed.\n"
    result = healthaudit("check", "-", "--fail-on", "high", stdin=text)
    assert result.returncode == 1, result.stderr
    assert "claim." in result.stdout


@pytest.mark.parametrize("args, message", [
    (("check", "no-such-file.txt"), "no such file or directory: no-such-file.txt"),
    (("check", "README.md", "--format", "xml"), "unknown format 'xml'"),
    (("report", "--db", "absent.db"), "no run store at absent.db"),
    (("crawl", "--config", "missing.toml"), "config file not found: missing.toml"),
    (("crawl", "health.example.org/page"), "not an http(s) URL: 'health.example.org/page'"),
    (("run", "ftp://health.example.org/"), "not an http(s) URL: 'ftp://health.example.org/'"),
    (("triage", "0123456789abcdef", "--status", "accepted", "--db", "absent.db"), "no run store"),
])
def test_pipeline_bad_input_exits_2_with_one_line(tmp_path, args, message):
    result = healthaudit(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_pipeline_unreachable_site_exits_3_and_keeps_the_run(tmp_path):
    with SiteServer(tmp_path) as server:
        url = server.base_url + "/"
    result = healthaudit("run", url, "--db", str(tmp_path / "h.db"), "--delay", "0", "-q")
    assert result.returncode == 3
    assert "no start URL reachable" in result.stderr and "Traceback" not in result.stderr
    runs = json.loads(healthaudit("runs", "--db", str(tmp_path / "h.db"), "--format", "json").stdout)
    assert runs[0]["status"] == "failed"


def test_pipeline_run_after_a_stopped_run_compares_with_the_last_finished_one(tmp_path):
    """A night whose run was stopped during the analysis audited only some articles: the next
    night's "new since last night" is reckoned against the last run whose analysis finished,
    not against the stopped one, where every article it never audited would look new."""
    db = tmp_path / "h.db"
    with SiteServer(demo_site_root()) as server:
        args = ("run", server.base_url + "/", "--db", str(db), "--delay", "0", "--format", "json")
        first = healthaudit(*args, "--out", str(tmp_path / "first"))
        assert first.returncode == 0, first.stderr
        store = RunStore(db)
        finished = store.latest_run("audits")
        stopped = store.start_run([server.base_url + "/"], {})
        store.save_audit(stopped, store.audits(finished)[0], None)  # one article audited, then stopped
        store.set_run_status(stopped, "interrupted", error="interrupted during the analysis", finished=True)
        store.close()
        third = healthaudit(*args, "--out", str(tmp_path / "third"))
    assert third.returncode == 0, third.stderr
    summary = report(tmp_path, "third")["summary"]
    assert report(tmp_path, "third")["since"] == finished
    assert set(summary["findings"]["by_change"]) == {"persisting"}
    assert summary["articles"]["analysed"] == 0  # the finished run's audits are reused, not the stopped one's


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not beside the project")
def test_pipeline_check_with_two_workers_reports_what_one_does(tmp_path):
    config = tmp_path / "two.toml"
    config.write_text("[audit]\nworkers = 2\n")
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))] * 12  # more than one batch per worker
    one = healthaudit("check", *paths, "--format", "json")
    two = healthaudit("check", *paths, "--format", "json", "--config", str(config))
    assert one.returncode == two.returncode == 0, two.stderr
    assert json.loads(two.stdout) == json.loads(one.stdout)


def test_pipeline_failed_audit_exits_3_with_one_line(tmp_path, monkeypatch, capsys):
    # an audit that cannot finish (a worker process killed: see tests/analysis/test_stage.py)
    import signal

    import pipeline
    from analysis.failures import WorkerLost

    def lost(args):
        raise WorkerLost("an audit worker process ended in the middle of the audit")

    monkeypatch.setattr(pipeline, "cmd_check", lost)
    monkeypatch.setattr(signal, "signal", lambda *a: None)  # main() would take over this process's SIGTERM
    page = tmp_path / "a.txt"
    page.write_text("Ginger cures nausea.\n")
    assert pipeline.main(["check", str(page)]) == 3
    err = capsys.readouterr().err
    assert err == "healthaudit: audit failed: an audit worker process ended in the middle of the audit\n"
