"""Typed records that travel between the stages: pages, articles, findings."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("critical", "high", "medium", "low", "info")
TRIAGE_STATUSES = ("open", "accepted", "false-positive", "fixed")


@dataclass
class Page:
    """One fetch of one URL in one crawl: what came back, or why nothing did."""

    url: str
    status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    fetched_at: str | None = None
    elapsed: float | None = None
    error: str | None = None
    # fetched | unchanged | failed | skipped | duplicate | offsite | not-article
    # | disallowed (robots.txt) | redirected (hop; final_url is the next URL) | redirect-offsite
    outcome: str = "fetched"
    duplicate_of: str | None = None
    depth: int | None = None
    lastmod: str | None = None
    referrer: str | None = None  # the page whose link (or redirect) led here


@dataclass
class Block:
    """A structural unit of the article text: heading, paragraph or list item."""

    kind: str
    start: int
    end: int


@dataclass
class Link:
    """An outgoing link inside the article body, with its character offsets."""

    href: str
    text: str
    start: int
    end: int


@dataclass
class Article:
    """The article a reader sees: plain text, its structure and its metadata."""

    url: str
    text: str
    title: str | None = None
    author: str | None = None
    author_credentials: str | None = None
    reviewed_by: str | None = None
    published: str | None = None
    modified: str | None = None
    last_reviewed: str | None = None
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    disclaimer_url: str | None = None
    site_disclaimer: str | None = None
    content_hash: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """What dataclasses.asdict gives, built directly: asdict deep-copies every string, which
        costs more than the audit's structure step (tests/runstore checks the two agree)."""
        data = dict(self.__dict__)
        data["blocks"] = [dict(b.__dict__) for b in self.blocks]
        data["links"] = [dict(link.__dict__) for link in self.links]
        data["citations"] = list(self.citations)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = dict(data)
        data["blocks"] = [Block(**b) for b in data.get("blocks") or []]
        data["links"] = [Link(**link) for link in data.get("links") or []]
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def normalise_text(text: str) -> str:
    """Case- and whitespace-insensitive form of a passage, so ids survive re-wrapping: runs of
    white space made one space, none at the ends (str.split's white space is re's \\s, for
    every character), then lower case."""
    return " ".join(text.split()).lower()


def finding_id(rule: str, url: str, text: str) -> str:
    """Stable id: the same rule, URL and normalised text always give the same id."""
    key = "\x1f".join((rule, url, normalise_text(text)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Finding:
    """One problem found in one article, anchored to character offsets in its text."""

    rule: str
    severity: str
    message: str
    text: str
    start: int
    end: int
    evidence: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "rule": self.rule, "severity": self.severity,
                "message": self.message, "text": self.text, "start": self.start,
                "end": self.end, "evidence": self.evidence}


@dataclass
class DocumentAudit:
    """The audit of one article: disclaimer status, readability figures, findings."""

    url: str
    disclaimer: str
    metrics: dict[str, float]
    findings: list[Finding] = field(default_factory=list)

    def assign_ids(self) -> None:
        """Give every finding its stable id; repeats of one passage get a suffix."""
        seen: dict[str, int] = {}
        for finding in self.findings:
            base = finding_id(finding.rule, self.url, finding.text)
            count = seen.get(base, 0)
            seen[base] = count + 1
            finding.id = base if count == 0 else f"{base}-{count + 1}"
