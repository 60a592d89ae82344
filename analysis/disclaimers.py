"""Disclaimer status of an article: a full medical disclaimer, only advice to see a doctor, or none."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.rulebook import QuickPattern, ScanText
from analysis.textstats import document_anchor, extended_rule_data, sentence_around
from runstore.records import Article, Finding

logger = logging.getLogger(__name__)

RULES_FILE = Path(__file__).with_name("rules") / "disclaimers.toml"
# Whitespace other than a plain space, and runs of two spaces or more: replacing only these
# gives the same text as replacing every whitespace character, or every run of spaces, by one
# space, without rebuilding the text at each of its thousands of single spaces.
_OTHER_SPACE = re.compile(r"[^\S ]")
_SPACE_RUN = re.compile(r"  +")
# Typographic quotes and dashes and the no-break space, each with the plain character the
# patterns expect. They are replaced one by one (str.replace scans in C): str.translate looks
# every character up in a Python dict once the text holds any non-ASCII character, which
# cost 100 times more on the news releases.
_PLAIN_FORMS = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                "\u2013": "-", "\u2014": "-", "\u00a0": " "}


@dataclass(frozen=True)
class DisclaimerRules:
    """The compiled rule data of rules/disclaimers.toml."""

    full: tuple[QuickPattern, ...]
    advisory: tuple[QuickPattern, ...]
    label: re.Pattern[str]
    link_text: str
    severity: dict[str, str]
    messages: dict[str, str]


@cache
def disclaimer_rules(path: Path = RULES_FILE, rule_files: tuple[str, ...] = ()) -> DisclaimerRules:
    """Load and compile the disclaimer rules once, extended by [disclaimers] in the user's files."""
    data = extended_rule_data(path, "disclaimers", tuple(rule_files))
    phrasings = data["phrasings"]
    return DisclaimerRules(
        full=tuple(QuickPattern.of(re.compile(p)) for p in phrasings["full"]),
        advisory=tuple(QuickPattern.of(re.compile(p)) for p in phrasings["advisory"]),
        label=re.compile(data["label"]["line"], re.I | re.M),
        link_text=data["label"]["link_text"].lower(),
        severity=dict(data["severity"]), messages=dict(data["messages"]))


def normalise(text: str) -> str:
    """Lower case, plain quotes and dashes, single spaces: the form the patterns match.

    Every character maps to exactly one character, so offsets stay those of the source."""
    for typographic, plain in _PLAIN_FORMS.items():
        text = text.replace(typographic, plain)
    return _OTHER_SPACE.sub(" ", text).lower()


def assess_disclaimer(article: Article, required_text: str = "",
                      rule_files: tuple[str, ...] = ()) -> tuple[str, list[Finding]]:
    """Status "present" | "advisory-only" | "missing" and at most one finding saying why."""
    rules = disclaimer_rules(RULES_FILE, tuple(rule_files))
    text = article.text or ""
    unsqueezed = normalise(text)
    plain = _squeeze(unsqueezed)
    if required_text and _squeeze(normalise(required_text)).strip() not in plain:
        message = rules.messages["required"].format(required=" ".join(required_text.split()))
        return "missing", [_finding(article, "disclaimer.missing", rules.severity["missing"],
                                    message, document_anchor(article), {"required": required_text})]
    if _has_full(plain, rules) or _has_full(_squeeze(normalise(article.site_disclaimer or "")), rules):
        return "present", []
    weak = _weak_passage(article, rules, unsqueezed, plain)
    if weak is not None:
        kind, span = weak
        return "advisory-only", [_finding(article, "disclaimer.weak", rules.severity["weak"],
                                          rules.messages[kind], span, {"cues": [kind]})]
    return "missing", [_finding(article, "disclaimer.missing", rules.severity["missing"],
                                rules.messages["missing"], document_anchor(article), {})]


def disclaimer_paragraphs(text: str, rules: DisclaimerRules | None = None) -> list[tuple[int, int]]:
    """Spans of the paragraphs (lines) that hold a full disclaimer: boilerplate, not prose."""
    rules = rules or disclaimer_rules()
    plain = normalise(text)
    # a line holds a phrasing's words only if the whole text does: most texts rule out every
    # phrasing at once, and the lines are then checked against the few that remain
    whole = ScanText(_squeeze(plain))
    possible = [p.pattern for p in rules.full if p.possible(whole)]
    if not possible:
        return []
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
            if any(p.search(_squeeze(plain[m.start():m.end()])) for p in possible)]


def _squeeze(plain: str) -> str:
    return _SPACE_RUN.sub(" ", plain)


def _has_full(plain: str, rules: DisclaimerRules) -> bool:
    scan = ScanText(plain)
    return any(p.search(scan) for p in rules.full)


def _weak_passage(article: Article, rules: DisclaimerRules, plain: str,
                  squeezed: str) -> tuple[str, tuple[int, int]] | None:
    """The passage that makes the disclaimer weak: an advisory sentence, a bare label or a link.

    `plain` is the normalised text and `squeezed` the same with runs of spaces made one."""
    scan = ScanText(squeezed)
    for pattern in rules.advisory:
        match = pattern.search(scan)
        if match is not None:
            span = _unsqueezed_offset(plain, match.start()), _unsqueezed_offset(plain, match.end() - 1) + 1
            return "advisory", sentence_around(article.text, *span)
    for link in article.links:
        if rules.link_text in (link.text + " " + link.href).lower():
            return "link", (link.start, link.end)
    if article.disclaimer_url and not article.site_disclaimer:
        return "link", document_anchor(article)
    label = rules.label.search(article.text or "")
    if label is not None:
        start = label.start() + len(label.group()) - len(label.group().lstrip())
        return "label", (start, start + len(label.group().strip()))
    return None


def _unsqueezed_offset(plain: str, index: int) -> int:
    """The offset in `plain` of the character at `index` of `_squeeze(plain)`: each run of spaces
    keeps its first space, so every character after a run sits further on by the rest of it."""
    removed = 0
    for run in re.finditer(r"  +", plain):
        if index < run.start() + 1 - removed:
            break
        removed += len(run.group()) - 1
    return index + removed


def _finding(article: Article, rule: str, severity: str, message: str,
             span: tuple[int, int], evidence: dict[str, object]) -> Finding:
    start, end = span
    return Finding(rule=rule, severity=severity, message=message,
                   text=article.text[start:end], start=start, end=end, evidence=dict(evidence))
