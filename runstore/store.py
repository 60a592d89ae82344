"""Reading and writing the run store; the only module that speaks SQL."""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from runstore.records import TRIAGE_STATUSES, Article, DocumentAudit, Finding, Page

SCHEMA_VERSION = 2


PAGE_FIELDS = list(Page.__dataclass_fields__)
PAGE_INSERT = (f"INSERT OR REPLACE INTO pages (run_id, {', '.join(PAGE_FIELDS)}, links) "
               f"VALUES (?, {', '.join('?' * len(PAGE_FIELDS))}, ?)")
ARTICLE_INSERT = ("INSERT OR REPLACE INTO articles (run_id, url, title, content_hash, record) "
                  "VALUES (?,?,?,?,?)")


class StoreError(Exception):
    """The run store cannot be used as asked (missing, foreign file, unknown run)."""


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# Statuses of a run whose analysis finished: every article of it has its audit.
ANALYSIS_FINISHED = ("analysed", "done")


def _status_test(statuses: tuple[str, ...]) -> str:
    """The SQL condition that a run `r` has one of `statuses` (their values as parameters), or ""."""
    return f" AND r.status IN ({','.join('?' * len(statuses))})" if statuses else ""


class RunStore:
    """A run store file. Open it with create=False to refuse a path that holds none."""

    def __init__(self, path: str | Path, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"no run store at {self.path}")
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a healthaudit run store ({exc})") from None

    def _migrate(self) -> None:
        has_meta = self.db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if has_meta:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row["value"]) if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path} was written by a newer healthaudit (schema {version})")
        elif self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path} is an SQLite file but not a healthaudit run store")
        script = resources.files("runstore").joinpath("schema.sql").read_text()
        with self.db:
            self.db.executescript(script)
            # Version 2 added pages.referrer and pages.links; CREATE TABLE IF NOT EXISTS
            # leaves the tables of an older store as they are.
            columns = {r["name"] for r in self.db.execute("PRAGMA table_info(pages)")}
            for column in ("referrer", "links"):
                if column not in columns:
                    self.db.execute(f"ALTER TABLE pages ADD COLUMN {column} TEXT")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                            (str(SCHEMA_VERSION),))

    def close(self) -> None:
        self.db.close()

    # -- runs ---------------------------------------------------------------
    def start_run(self, start_urls: Iterable[str], config: dict[str, Any]) -> str:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        run_id, n = stamp, 1
        while self.db.execute("SELECT 1 FROM runs WHERE id=?", (run_id,)).fetchone():
            n += 1
            run_id = f"{stamp}-{n}"
        with self.db:
            self.db.execute(
                "INSERT INTO runs (id, started, status, start_urls, config) VALUES (?,?,?,?,?)",
                (run_id, utc_now(), "crawling", json.dumps(list(start_urls)),
                 json.dumps(config, default=str)))
        return run_id

    def set_run_status(self, run_id: str, status: str, error: str | None = None,
                       summary: dict[str, Any] | None = None, finished: bool = False) -> None:
        with self.db:
            self.db.execute("UPDATE runs SET status=?, error=coalesce(?, error) WHERE id=?",
                            (status, error, run_id))
            if summary is not None:
                merged = {**self.run(run_id)["summary"], **summary}
                self.db.execute("UPDATE runs SET summary=? WHERE id=?", (json.dumps(merged), run_id))
            if finished:
                self.db.execute("UPDATE runs SET finished=? WHERE id=?", (utc_now(), run_id))

    def run(self, run_id: str) -> dict[str, Any]:
        row = self.db.execute("SELECT * FROM runs WHERE id=?", (run_id,)).fetchone()
        if row is None:
            raise StoreError(f"no run {run_id!r} in {self.path}")
        return _run_dict(row)

    def runs(self) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM runs ORDER BY started DESC, id DESC").fetchall()
        return [_run_dict(r) for r in rows]

    def latest_run(self, having: str = "articles", statuses: tuple[str, ...] = ()) -> str:
        """The newest run that has rows in table `having` (articles or audits), and one of
        `statuses` when given."""
        row = self.db.execute(
            f"SELECT r.id FROM runs r WHERE EXISTS (SELECT 1 FROM {having} t WHERE t.run_id=r.id)"
            f"{_status_test(statuses)} ORDER BY r.started DESC, r.id DESC LIMIT 1", statuses).fetchone()
        if row is None:
            raise StoreError(f"no run with {having} in {self.path}; run 'healthaudit crawl' first")
        return row["id"]

    def previous_run(self, run_id: str, having: str = "articles", statuses: tuple[str, ...] = ()) -> str | None:
        """The newest run before `run_id` that has rows in table `having`, and one of `statuses`
        when given."""
        row = self.db.execute(
            f"SELECT r.id FROM runs r WHERE r.id < ? AND EXISTS "
            f"(SELECT 1 FROM {having} t WHERE t.run_id=r.id){_status_test(statuses)} ORDER BY r.id DESC LIMIT 1",
            (run_id, *statuses)).fetchone()
        return row["id"] if row else None

    # -- pages --------------------------------------------------------------
    def record_page(self, run_id: str, page: Page, links: list[Any] | None = None) -> None:
        """Store one fetch outcome; `links` are the page's in-site links (JSON), if it was read."""
        self.record_crawl_batch(run_id, [(page, links)], [])

    def record_crawl_batch(self, run_id: str, pages: Iterable[tuple[Page, list[Any] | None]],
                           articles: Iterable[Article]) -> None:
        """Store many fetch outcomes (with their in-site links) and articles in one transaction."""
        with self.db:
            self.db.executemany(PAGE_INSERT, [
                [run_id, *(getattr(page, f) for f in PAGE_FIELDS),
                 json.dumps(links) if links is not None else None] for page, links in pages])
            self.db.executemany(ARTICLE_INSERT, [
                (run_id, a.url, a.title, a.content_hash, json.dumps(a.to_dict())) for a in articles])

    def set_lastmods(self, run_id: str, lastmods: dict[str, str]) -> None:
        """Fill in sitemap <lastmod>s learnt after the pages were stored (a stored one stays)."""
        with self.db:
            self.db.executemany(
                "UPDATE pages SET lastmod=? WHERE run_id=? AND url=? AND lastmod IS NULL",
                [(lastmod, run_id, url) for url, lastmod in lastmods.items()])

    def pages(self, run_id: str) -> list[Page]:
        rows = self.db.execute("SELECT * FROM pages WHERE run_id=? ORDER BY url", (run_id,))
        return [Page(**{k: r[k] for k in Page.__dataclass_fields__}) for r in rows]

    def known_validators(self) -> dict[str, dict[str, Any]]:
        """For each URL, the validators and run of its newest stored article (for 304s)."""
        rows = self.db.execute(
            "SELECT p.url, p.etag, p.last_modified, p.content_hash, p.run_id, p.links FROM pages p "
            "JOIN articles a ON a.run_id=p.run_id AND a.url=p.url "
            "ORDER BY p.run_id").fetchall()
        return {r["url"]: {**dict(r), "links": json.loads(r["links"]) if r["links"] else None}
                for r in rows}

    # -- articles -----------------------------------------------------------
    def save_article(self, run_id: str, article: Article) -> None:
        self.record_crawl_batch(run_id, [], [article])

    def article(self, run_id: str, url: str) -> Article | None:
        row = self.db.execute("SELECT record FROM articles WHERE run_id=? AND url=?",
                              (run_id, url)).fetchone()
        return Article.from_dict(json.loads(row["record"])) if row else None

    def articles(self, run_id: str) -> list[Article]:
        rows = self.db.execute("SELECT record FROM articles WHERE run_id=? ORDER BY url", (run_id,))
        return [Article.from_dict(json.loads(r["record"])) for r in rows]

    # -- audits and findings ------------------------------------------------
    def save_audit(self, run_id: str, audit: DocumentAudit, content_hash: str | None,
                   reused: bool = False) -> None:
        with self.db:
            self.db.execute("DELETE FROM findings WHERE run_id=? AND url=?", (run_id, audit.url))
            self.db.execute(
                "INSERT OR REPLACE INTO audits VALUES (?,?,?,?,?,?)",
                (run_id, audit.url, audit.disclaimer, json.dumps(audit.metrics),
                 content_hash, int(reused)))
            self.db.executemany(
                "INSERT OR REPLACE INTO findings VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(run_id, f.id, audit.url, f.rule, f.severity, f.message, f.text, f.start,
                  f.end, json.dumps(f.evidence)) for f in audit.findings])

    def audits(self, run_id: str) -> list[DocumentAudit]:
        audits = {}
        for r in self.db.execute("SELECT * FROM audits WHERE run_id=? ORDER BY url", (run_id,)):
            audits[r["url"]] = DocumentAudit(r["url"], r["disclaimer"], json.loads(r["metrics"]))
        for r in self.db.execute("SELECT * FROM findings WHERE run_id=? ORDER BY url, start",
                                 (run_id,)):
            audits[r["url"]].findings.append(Finding(
                rule=r["rule"], severity=r["severity"], message=r["message"], text=r["text"],
                start=r["start"], end=r["end"], evidence=json.loads(r["evidence"]), id=r["id"]))
        return list(audits.values())

    def audit_hashes(self, run_id: str) -> dict[str, str | None]:
        rows = self.db.execute("SELECT url, content_hash FROM audits WHERE run_id=?", (run_id,))
        return {r["url"]: r["content_hash"] for r in rows}

    # -- triage -------------------------------------------------------------
    def set_triage(self, finding_id: str, status: str, note: str | None = None) -> None:
        self.set_triage_many([(finding_id, status, note)])

    def set_triage_many(self, changes: list[tuple[str, str, str | None]]) -> None:
        """Set triage statuses all together, or none when any id or status is unknown."""
        for finding_id, status, _ in changes:
            if status not in TRIAGE_STATUSES:
                raise StoreError(f"unknown triage status {status!r}; use one of {', '.join(TRIAGE_STATUSES)}")
            if not self.db.execute("SELECT 1 FROM findings WHERE id=?", (finding_id,)).fetchone():
                raise StoreError(f"no finding with id {finding_id!r} in {self.path}")
        now = utc_now()
        with self.db:
            for finding_id, status, note in changes:
                self.db.execute("INSERT OR REPLACE INTO triage VALUES (?,?,?,?)",
                                (finding_id, status, note, now))
                self.db.execute("INSERT INTO triage_log VALUES (?,?,?,?)",
                                (finding_id, status, note, now))

    def first_seen(self, run_id: str) -> dict[str, str]:
        """For each finding of `run_id`, the first run of this store that found it."""
        rows = self.db.execute("SELECT f.id, MIN(e.run_id) AS first FROM findings f JOIN findings e "
                               "ON e.id = f.id WHERE f.run_id=? GROUP BY f.id", (run_id,))
        return {r["id"]: r["first"] for r in rows}

    def triage_history(self, run_id: str) -> list[dict[str, Any]]:
        """Every triage change ever made to the findings of `run_id`, oldest first."""
        rows = self.db.execute("SELECT finding_id, status, note, updated FROM triage_log WHERE finding_id "
                               "IN (SELECT id FROM findings WHERE run_id=?) ORDER BY updated, rowid", (run_id,))
        return [dict(r) for r in rows]

    def triage(self) -> dict[str, dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM triage")
        return {r["finding_id"]: {"status": r["status"], "note": r["note"], "updated": r["updated"]}
                for r in rows}


def _run_dict(row: sqlite3.Row) -> dict[str, Any]:
    run = dict(row)
    for key in ("start_urls", "config", "summary"):
        run[key] = json.loads(run[key])
    return run
