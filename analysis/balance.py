"""Balance: an article that presents a treatment's or a test's benefits must also report its harms."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterator

from analysis.claim_summary import ClaimSummary
from analysis.pattern_groups import PatternGroup
from analysis.rulebook import QuickPattern, ScanText
from analysis.textstats import extended_rule_data, sentence_around, strip_span
from runstore.records import Article, Finding

RULES_FILE = Path(__file__).with_name("rules") / "trust.toml"
RULE = "balance.risks-missing"
UNHEDGED = ("strong", "absolute")  # claim strengths, weakest first


@dataclass(frozen=True)
class BalanceRules:
    """The compiled [balance] data of rules/trust.toml, with the severities and messages."""

    harm_words: QuickPattern
    reported_before: re.Pattern[str]
    reported_after: re.Pattern[str]
    benefit_before: re.Pattern[str]
    measured_none: re.Pattern[str]
    measured_after: re.Pattern[str]
    advice_before: re.Pattern[str]
    disease_before: re.Pattern[str]
    benefit_after: re.Pattern[str]
    other_treatment_after: re.Pattern[str]
    harm_details: re.Pattern[str]
    risk_statements: PatternGroup
    risk_heading: re.Pattern[str]
    test_presentations: tuple[QuickPattern, ...]
    severity: dict[str, str]
    messages: dict[str, str]


@cache
def balance_rules(path: Path = RULES_FILE, rule_files: tuple[str, ...] = ()) -> BalanceRules:
    """Load and compile the balance rules once, extended by [trust.balance] in the user's rule files."""
    data: dict[str, Any] = extended_rule_data(path, "trust", tuple(rule_files))
    balance = data["balance"]

    def pattern(name: str) -> re.Pattern[str]:
        return re.compile(balance[name], re.I)

    def quick(name: str) -> tuple[QuickPattern, ...]:
        return tuple(QuickPattern.of(re.compile(p, re.I)) for p in balance[name])

    return BalanceRules(
        harm_words=QuickPattern.of(pattern("harm_words")), reported_before=pattern("reported_before"),
        reported_after=pattern("reported_after"), benefit_before=pattern("benefit_before"),
        measured_none=pattern("measured_none"), measured_after=pattern("measured_after"),
        advice_before=pattern("advice_before"),
        disease_before=pattern("disease_before"), benefit_after=pattern("benefit_after"),
        other_treatment_after=pattern("other_treatment_after"), harm_details=pattern("harm_details"),
        risk_statements=PatternGroup.of(balance["risk_statements"], re.I),
        risk_heading=pattern("risk_heading"),
        test_presentations=quick("test_presentations"),
        severity=dict(data["severity"]), messages=dict(data["messages"]))


@dataclass(frozen=True)
class HarmReport:
    """A passage about harms, and whether it tells readers what the harm is or how often it came."""

    cue: str
    start: int
    specific: bool


def risk_mentions(text: str | ScanText, rules: BalanceRules | None = None) -> list[str]:
    """Passages that report a treatment's harms or limits; harm words said in passing don't count."""
    scan = text if isinstance(text, ScanText) else ScanText(text)
    return [r.cue for r in harm_reports(scan, rules or balance_rules()) if r.specific]


def harm_reports(scan: ScanText, rules: BalanceRules) -> Iterator[HarmReport]:
    """Statements of risk, then harm words reported as the treatment's outcome. A harm word
    counts as specific when its sentence, or the next, names the harm or says how often it came:
    "side effects were mild" or "complications can occur" alone tell readers nothing they can weigh.
    A measured absence ("no serious adverse events") and advice to ask a professional about the
    harms count as they are."""
    text = scan.text
    statements = rules.risk_statements
    for pattern in statements.patterns if statements.any_match(scan) else ():
        for match in pattern.finditer(scan):
            if not _denied(text, match, rules):
                yield HarmReport(match.group(), match.start(), True)
                break
    for match in rules.harm_words.finditer(scan):
        before = re.split(r"[.!?;]\s", text[max(0, match.start() - 60):match.start()])[-1]
        after = text[match.end():match.end() + 60]
        if _measured_absence(before, after, rules) or rules.advice_before.search(before):
            yield HarmReport(match.group(), match.start(), True)
        elif _denied(text, match, rules) or rules.disease_before.search(before):
            continue
        elif rules.reported_before.search(before) or rules.reported_after.search(after):
            yield HarmReport(match.group(), match.start(), _detailed(text, match, rules))


def _measured_absence(before: str, after: str, rules: BalanceRules) -> bool:
    """ "No serious adverse events", "no side effects over two years of follow-up": a study
    reporting what it measured, unlike a blanket "no side effects"."""
    if rules.measured_none.search(before):
        return True
    return bool(re.search(r"\b(no|none)\s+(\S+\s+){0,2}$", before, re.I) and rules.measured_after.search(after))


def _detailed(text: str, match: re.Match[str], rules: BalanceRules) -> bool:
    """The harm's sentence or the next one names the harm or gives how often it came."""
    start, end = sentence_around(text, match.start(), match.end())
    _, following = sentence_around(text, min(end + 1, len(text)), min(end + 1, len(text)))
    return bool(rules.harm_details.search(text, start, max(end, following)))


def risk_headings(article: Article, rules: BalanceRules | None = None) -> list[str]:
    """Headings of a section on the treatment's risks: "Risks and side effects", "Is it safe?"."""
    rules = rules or balance_rules()
    text = article.text or ""
    found = []
    for block in article.blocks:
        heading = text[block.start:block.end] if block.kind == "heading" else ""
        match = rules.risk_heading.search(heading)
        if match is not None and not _denied(heading, match, rules):
            found.append(heading.strip())
    return found


def _denied(text: str, match: re.Match[str], rules: BalanceRules) -> bool:
    """The harm is said to be absent, smaller or someone else's: "fewer side effects than…"."""
    before = re.split(r"[.!?;]\s", text[max(0, match.start() - 60):match.start()])[-1]
    after = text[match.end():match.end() + 60]
    return bool(rules.benefit_before.search(before) or rules.benefit_after.search(after)
                or rules.other_treatment_after.search(after))


def risks_finding(article: Article, claims: list[ClaimSummary], scan: ScanText, news_end: int,
                  rule_files: tuple[str, ...] = ()) -> Finding | None:
    """Benefit claims, or a test presented as able to detect a condition, with no specific word
    about risks, side effects, complications, wrong results or limits."""
    rules = balance_rules(RULES_FILE, tuple(rule_files))
    text = article.text or ""
    # a section on the risks settles it before any harm is looked for in the text (only
    # the headings are read)
    if risk_headings(article, rules):
        return None
    lead = _lead(text, claims, scan, rules, news_end)
    if lead is None:
        return None
    vague = []
    for report in harm_reports(scan, rules):
        if report.specific:
            return None
        vague.append(report)
    start, end, claim = lead
    if claim is None:
        kind, span, evidence = "risks_test", sentence_around(text, start, end), {"cues": [text[start:end]]}
    else:
        kind = "risks_vague" if vague else "risks"
        span = strip_span(text, max(start, 0), min(end, len(text)))
        evidence = {"cues": [r.cue for r in vague], "strength": claim.strength, "support": claim.support}
    cue = vague[0].cue if vague else ""
    return Finding(rule=RULE, severity=rules.severity[kind], message=rules.messages[kind].format(cue=cue),
                   text=text[span[0]:span[1]], start=span[0], end=span[1], evidence=evidence)


def _lead(text: str, claims: list[ClaimSummary], scan: ScanText, rules: BalanceRules,
          news_end: int) -> tuple[int, int, ClaimSummary | None] | None:
    """What readers weigh the harms against, in the body of the article: its strongest unhedged
    benefit claim (the promise that most needs its harms beside it), else the first hedged claim
    or passage that presents a test as able to detect a condition (no claim then).
    What follows the news of a press release (from `news_end` on: notes, contacts, the issuer's
    About section) is not what the release is about: it is read only when the news presents
    none of these."""
    tests = None  # looked for only once no unhedged claim leads
    for limit in (news_end, len(text) + 1):
        unhedged = [c for c in claims if c.start < limit and c.strength in UNHEDGED]
        if unhedged:
            claim = max(unhedged, key=lambda c: (UNHEDGED.index(c.strength), -c.start))
            return claim.start, claim.end, claim
        if tests is None:
            tests = [m for p in rules.test_presentations for m in [p.search(scan)] if m is not None]
        found = [(c.start, c.end, c) for c in claims if c.start < limit]
        found += [(m.start(), m.end(), None) for m in tests if m.start() < limit]
        if found:
            return min(found, key=lambda lead: lead[0])
    return None
