"""The run store: schema, runs, articles, audits, triage, refusal of foreign files."""
from __future__ import annotations

import sqlite3

import pytest

from runstore import RunStore, StoreError
from runstore.records import Page
from tests.builders import add_run, make_article


def test_store_round_trips_articles_and_audits(store):
    run_id = add_run(store, {"http://site.test/a.html": [("claim.absolute", "high", "cures migraines")]})
    article = store.articles(run_id)[0]
    assert article == make_article("http://site.test/a.html")
    audit = store.audits(run_id)[0]
    assert audit.findings[0].text == "cures migraines"
    assert audit.findings[0].id and len(audit.findings[0].id) == 16


def test_store_refuses_a_missing_file_when_asked_not_to_create(tmp_path):
    with pytest.raises(StoreError, match="no run store"):
        RunStore(tmp_path / "absent.db", create=False)


def test_store_refuses_a_foreign_sqlite_file_and_leaves_it_alone(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE customers (name TEXT)")
    db.execute("INSERT INTO customers VALUES ('kept')")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not a healthaudit run store"):
        RunStore(path)
    assert sqlite3.connect(path).execute("SELECT name FROM customers").fetchall() == [("kept",)]


def test_store_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not a database" * 100)
    with pytest.raises(StoreError):
        RunStore(path)


def test_store_latest_and_previous_runs(store):
    first = add_run(store, {"http://site.test/a.html": []})
    second = add_run(store, {"http://site.test/a.html": []})
    assert store.latest_run("audits") == second
    assert store.previous_run(second, "audits") == first
    assert [r["id"] for r in store.runs()] == [second, first]


def test_store_triage_is_kept_with_history_and_validated(store):
    run_id = add_run(store, {"http://site.test/a.html": [("claim.absolute", "high", "cures migraines")]})
    finding_id = store.audits(run_id)[0].findings[0].id
    store.set_triage(finding_id, "false-positive", "quoted from a patient")
    assert store.triage()[finding_id]["status"] == "false-positive"
    with pytest.raises(StoreError, match="unknown triage status"):
        store.set_triage(finding_id, "maybe")
    with pytest.raises(StoreError, match="no finding"):
        store.set_triage("0000000000000000", "accepted")
    assert store.triage()[finding_id]["note"] == "quoted from a patient"


def test_store_unknown_run_is_an_error(store):
    with pytest.raises(StoreError, match="no run"):
        store.run("19990101-000000")


def test_store_migrates_a_version_1_store_keeping_its_pages(tmp_path):
    path = tmp_path / "old.db"
    store = RunStore(path)
    run_id = store.start_run(["http://site.test/"], {})
    store.close()
    db = sqlite3.connect(path)  # back to schema 1: pages without referrer and links
    db.execute("ALTER TABLE pages DROP COLUMN links")
    db.execute("ALTER TABLE pages DROP COLUMN referrer")
    db.execute("INSERT INTO pages (run_id, url, status, outcome) VALUES (?, 'http://site.test/a', 200, 'fetched')",
               (run_id,))
    db.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    db.commit()
    db.close()
    store = RunStore(path)
    assert [p.url for p in store.pages(run_id)] == ["http://site.test/a"]
    store.record_page(run_id, Page(url="http://site.test/b", outcome="fetched", referrer="http://site.test/a"),
                      links=[["http://site.test/c", "C", False]])
    assert store.pages(run_id)[1].referrer == "http://site.test/a"
    assert store.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "2"


def test_store_batch_writes_pages_and_articles_in_one_call(store):
    run_id = store.start_run(["http://site.test/"], {})
    article = make_article("http://site.test/a.html")
    pages = [(Page(url=f"http://site.test/{n}.html", outcome="fetched"), None) for n in range(3)]
    store.record_crawl_batch(run_id, pages, [article])
    assert len(store.pages(run_id)) == 3 and store.articles(run_id) == [article]
