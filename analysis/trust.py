"""Trust checks: author credentials, dates, sources, disclosure of interests (balance is in analysis.balance)."""
from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from analysis.balance import risks_finding
from analysis.claim_summary import ClaimSummary
from analysis.pattern_groups import PatternGroup
from analysis.readability import is_reference_entry
from analysis.rulebook import QuickPattern, ScanText
from analysis.structure import infer_blocks, release_sections
from analysis.textstats import document_anchor, extended_rule_data, sentence_around, strip_span
from runstore.records import Article, Finding

logger = logging.getLogger(__name__)

RULES_FILE = Path(__file__).with_name("rules") / "trust.toml"
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class TrustRules:
    """The compiled rule data of rules/trust.toml."""

    credentials: tuple[re.Pattern[str], ...]
    reviewed: tuple[QuickPattern, ...]
    byline: re.Pattern[str]
    dates: tuple[QuickPattern, ...]
    date_cue: re.Pattern[str]
    byline_max_chars: int
    numbered: re.Pattern[str]
    references_heading: re.Pattern[str]
    source_hosts: re.Pattern[str]
    commercial: PatternGroup
    release: tuple[QuickPattern, ...]
    announcement_cues: int
    stake: tuple[QuickPattern, ...]
    funding: tuple[QuickPattern, ...]
    interests: PatternGroup
    severity: dict[str, str]
    messages: dict[str, str]


def _compile(patterns: list[str], flags: int = re.I) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in patterns)


def _quick(patterns: list[str], flags: int = re.I) -> tuple[QuickPattern, ...]:
    return tuple(QuickPattern.of(re.compile(p, flags)) for p in patterns)


def _unscreened(patterns: list[str]) -> tuple[QuickPattern, ...]:
    """Patterns that are always run, not first screened by the words their matches hold: the
    date patterns' words are month names, and "mar", "may", "jun", "dec"… are inside some word
    of nearly every text (all but 3 of 400 benchmark articles and of 203 news releases), so the
    screen ruled out almost nothing at the cost of a pass over the text per month."""
    return tuple(QuickPattern(re.compile(p, re.I), None) for p in patterns)


@cache
def trust_rules(path: Path = RULES_FILE, rule_files: tuple[str, ...] = ()) -> TrustRules:
    """Load and compile the trust rules once, extended by [trust] in the user's rule files."""
    data: dict[str, Any] = extended_rule_data(path, "trust", tuple(rule_files))
    author, date, refs = data["author"], data["date"], data["references"]
    disclosure = data["disclosure"]
    return TrustRules(
        credentials=_compile(author["credentials"], 0), reviewed=_quick(author["reviewed"]),
        byline=re.compile(author["byline"], re.I | re.M),
        dates=_unscreened([date["iso"], date["month_first"], date["day_first"]]),
        date_cue=re.compile(date["cue"], re.I), byline_max_chars=int(date["byline_max_chars"]),
        numbered=re.compile(refs["numbered"], re.I),
        references_heading=re.compile(refs["heading"], re.I | re.M),
        source_hosts=re.compile(refs["source_hosts"], re.I),
        commercial=PatternGroup.of(disclosure["commercial"], re.I), release=_quick(disclosure["release"]),
        announcement_cues=int(disclosure["announcement_cues"]),
        stake=_quick(disclosure["stake"]),
        funding=_quick(disclosure["funding"]), interests=PatternGroup.of(disclosure["interests"], re.I),
        severity=dict(data["severity"]), messages=dict(data["messages"]))


def trust_findings(article: Article, claims: list[ClaimSummary], review_max_months: int,
                   today: datetime.date | None = None, rule_files: tuple[str, ...] = (),
                   sections: tuple[int | None, int | None] | None = None) -> list[Finding]:
    """trust.author, trust.date, trust.references, trust.disclosure and balance.risks-missing.
    `sections`: where a press release's news ends and its About section begins, as the structure
    component marked them (see structure.release_sections; found here when not given)."""
    rules = trust_rules(RULES_FILE, tuple(rule_files))
    today = today or datetime.date.today()
    scan = ScanText(article.text or "")  # lower-cased once for every pattern below
    if sections is None or None in sections:
        text = article.text or ""
        sections = release_sections(text, article.blocks or infer_blocks(text), tuple(rule_files))
    news_end, about_from = sections
    found = [_author_finding(article, rules, scan), _date_finding(article, rules, review_max_months, today, scan)]
    if claims:
        found.append(_references_finding(article, claims, rules))
    found.append(risks_finding(article, claims, scan, news_end, tuple(rule_files)))  # type: ignore[arg-type]
    found.append(_disclosure_finding(article, claims, rules, scan, about_from))  # type: ignore[arg-type]
    return [f for f in found if f is not None]


def _finding(article: Article, rules: TrustRules, rule: str, kind: str, span: tuple[int, int],
             evidence: dict[str, Any], **fill: Any) -> Finding:
    start, end = span
    return Finding(rule=rule, severity=rules.severity[kind], message=rules.messages[kind].format(**fill),
                   text=article.text[start:end], start=start, end=end, evidence=evidence)


# -- author ---------------------------------------------------------------------------

def _author_finding(article: Article, rules: TrustRules, scan: ScanText) -> Finding | None:
    """No author, or an author with no stated health credentials and no medical review."""
    byline = _byline(article, rules)
    author = article.author or (byline and byline[2])
    signals = [article.author, article.author_credentials, byline and byline[2]]
    # the author's own lines first: they are short, while a review statement is looked for
    # over the whole text
    if article.reviewed_by or any(s and p.search(s) for s in signals for p in rules.credentials):
        return None
    if any(p.search(scan) for p in rules.reviewed):
        return None
    span = byline[:2] if byline else document_anchor(article)
    if not author:
        return _finding(article, rules, "trust.author", "no_author", span, {"cues": []})
    return _finding(article, rules, "trust.author", "no_credentials", span,
                    {"cues": [author]}, author=author)


def _byline(article: Article, rules: TrustRules) -> tuple[int, int, str] | None:
    """The byline's span and text: a "By …" line, or a short line holding the known author."""
    text = article.text or ""
    match = rules.byline.search(text)
    if match is not None:
        start, end = strip_span(text, match.start(), match.end())
        return start, end, match.group("who").strip()
    if article.author:
        for line in re.finditer(r"[^\n]+", text):
            if article.author in line.group() and len(line.group()) <= rules.byline_max_chars:
                start, end = strip_span(text, line.start(), line.end())
                return start, end, line.group().strip()
    return None


# -- date -----------------------------------------------------------------------------

def parse_date(value: str, rules: TrustRules | None = None) -> datetime.date | None:
    """A calendar date from ISO, "March 3, 2026" or "3 March 2026" forms; None if there is none."""
    rules = rules or trust_rules()
    for pattern in rules.dates:
        match = pattern.pattern.search(value or "")
        if match is not None:
            return _date_of(match)
    return None


def _date_of(match: re.Match[str]) -> datetime.date | None:
    parts = match.groupdict()
    month = int(parts["m"]) if parts.get("m") else MONTHS.index(parts["mon"].lower()[:3]) + 1
    try:
        return datetime.date(int(parts["y"]), month, int(parts["d"]))
    except ValueError:
        return None


def text_dates(article: Article, rules: TrustRules,
               scan: ScanText | None = None) -> list[tuple[datetime.date, int, int]]:
    """Dates stated in the text: in a short byline line, or right after "Published", "Updated"…"""
    text = article.text or ""
    scan = scan or ScanText(text)
    found = []
    for pattern in rules.dates:
        for match in pattern.finditer(scan):
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            line = text[line_start:line_end if line_end != -1 else len(text)]
            cue = rules.date_cue.search(text[max(0, match.start() - 30):match.start()])
            when = _date_of(match)
            if when and (len(line.strip()) <= rules.byline_max_chars or cue):
                found.append((when, *strip_span(text, line_start, line_start + len(line))))
    return found


def _date_finding(article: Article, rules: TrustRules, months: int,
                  today: datetime.date, scan: ScanText) -> Finding | None:
    """No date at all, or the newest date older than `months` months."""
    stated = [parse_date(v, rules) for v in (article.published, article.modified, article.last_reviewed)]
    in_text = text_dates(article, rules, scan)
    dated = [(d, *document_anchor(article)) for d in stated if d]
    dated += in_text
    dated = [d for d in dated if d[0] <= today] or dated
    if not dated:
        return _finding(article, rules, "trust.date", "no_date", document_anchor(article), {"cues": []})
    newest, start, end = max(dated, key=lambda d: d[0])
    cutoff = _months_before(today, months)
    if newest >= cutoff:
        return None
    newest_in_text = [d for d in in_text if d[0] == newest]
    span = newest_in_text[0][1:] if newest_in_text else (start, end)
    return _finding(article, rules, "trust.date", "date_stale", span,
                    {"cues": [newest.isoformat()], "months": months},
                    date=newest.isoformat(), months=months)


def _months_before(today: datetime.date, months: int) -> datetime.date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    day = min(today.day, 28)
    return datetime.date(year, month + 1, day)


# -- references, disclosure -------------------------------------------------------------

def _references_finding(article: Article, claims: list[ClaimSummary],
                        rules: TrustRules) -> Finding | None:
    """Treatment claims with no citation, source link, numbered reference or named support."""
    text = article.text or ""
    if article.citations or any(c.support in ("linked", "named") for c in claims):
        return None
    if any(rules.source_hosts.search(link.href) for link in article.links):
        return None
    if rules.numbered.search(text) or rules.references_heading.search(text):
        return None
    return _finding(article, rules, "trust.references", "references", document_anchor(article),
                    {"cues": [], "claims": len(claims)})


def promotion_cues(article: Article, claims: list[ClaimSummary], rules: TrustRules,
                   scan: ScanText | None = None) -> list[tuple[str, int, int]]:
    """Wording that sells or announces a treatment or a study: always commercial cues; release
    cues with claims, or without claims when enough of them announce a study on their own.

    A paragraph citing a numbered source, or an entry of the reference list, names a study as
    evidence rather than announcing it, so its wording is skipped."""
    text = article.text or ""
    scan = scan or ScanText(text)
    cited = _CitedLines(text, rules)
    # most articles sell nothing: one scan rules out every commercial pattern
    found = _first_uncited(rules.commercial.patterns, scan, cited) if rules.commercial.any_match(scan) else []
    release = _first_uncited(rules.release, scan, cited)
    # One "the study" is how any article cites research; a text that says who did a study,
    # where it appeared and what its researchers said announces it, claims or not.
    if claims or len(release) >= rules.announcement_cues:
        found += release
    return found


def _first_uncited(patterns: tuple[QuickPattern, ...], scan: ScanText,
                   cited: _CitedLines) -> list[tuple[str, int, int]]:
    """Each pattern's first match outside the lines that cite a source."""
    found = []
    for pattern in patterns:
        for match in pattern.finditer(scan):
            if not cited.holds(match.start()):
                found.append((match.group(), match.start(), match.end()))
                break
    return found


class _CitedLines:
    """Which lines of a text cite a numbered source or are entries of a reference list.

    Only the lines where a cue was found are asked about, so each is read when first asked
    (a news release has hundreds of lines, and reading them all cost more than every cue)."""

    def __init__(self, text: str, rules: TrustRules) -> None:
        self.text = text
        self.rules = rules
        self._known: dict[int, bool] = {}  # a line's start: whether it cites

    def holds(self, position: int) -> bool:
        """Whether the character at `position` is on a citing line (a line break is on none)."""
        text = self.text
        if text[position] == "\n":
            return False
        start = text.rfind("\n", 0, position) + 1
        if start not in self._known:
            end = text.find("\n", position)
            line = text[start:end if end != -1 else len(text)]
            self._known[start] = bool(is_reference_entry(line) or self.rules.numbered.search(line))
        return self._known[start]


def _disclosure_finding(article: Article, claims: list[ClaimSummary], rules: TrustRules,
                        scan: ScanText, about_from: int) -> Finding | None:
    """A promoted treatment or product with no funding, sponsorship or interest statement, or
    a product someone sells whose article names the funders but not the researchers' ties."""
    text = article.text or ""
    cues = promotion_cues(article, claims, rules, scan)
    if not cues or rules.interests.any_match(scan):
        return None
    kind, anchor = "disclosure", min(cues, key=lambda c: c[1])
    if any(p.search(scan) for p in rules.funding):
        stake = commercial_stake(text, rules, about_from)
        if stake is None:
            return None
        kind, anchor = "interests", stake
        cues = cues + [stake]
    span = sentence_around(text, anchor[1], anchor[2])
    return _finding(article, rules, "trust.disclosure", kind, span,
                    {"cues": sorted({c[0].lower() for c in cues})})


def commercial_stake(text: str, rules: TrustRules, about_from: int) -> tuple[str, int, int] | None:
    """The first wording in the article showing that the product is sold: its market, its
    sales, the company that makes it. The About sections that close a news release ("About
    Acme", from `about_from` on) describe the issuer's business, not the product, so they are
    not read; the notes after the news ("Pradaxa is marketed by ...") are."""
    body = ScanText(text[:about_from])
    found = [m for p in rules.stake for m in [p.search(body)] if m is not None]
    first = min(found, key=lambda m: m.start(), default=None)
    return (first.group(), first.start(), first.end()) if first else None
