"""Disclaimer status of an article: a full medical disclaimer, only advice to see a doctor, or none."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.textstats import document_anchor, extended_rule_data, sentence_around
from runstore.records import Article, Finding

logger = logging.getLogger(__name__)

RULES_FILE = Path(__file__).with_name("rules") / "disclaimers.toml"
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})


@dataclass(frozen=True)
class DisclaimerRules:
    """The compiled rule data of rules/disclaimers.toml."""

    full: tuple[re.Pattern[str], ...]
    advisory: tuple[re.Pattern[str], ...]
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
        full=tuple(re.compile(p) for p in phrasings["full"]),
        advisory=tuple(re.compile(p) for p in phrasings["advisory"]),
        label=re.compile(data["label"]["line"], re.I | re.M),
        link_text=data["label"]["link_text"].lower(),
        severity=dict(data["severity"]), messages=dict(data["messages"]))


def normalise(text: str) -> str:
    """Lower case, plain quotes and dashes, single spaces: the form the patterns match.

    Every character maps to exactly one character, so offsets stay those of the source."""
    return re.sub(r"\s", " ", text.translate(_QUOTES)).lower()


def assess_disclaimer(article: Article, required_text: str = "",
                      rule_files: tuple[str, ...] = ()) -> tuple[str, list[Finding]]:
    """Status "present" | "advisory-only" | "missing" and at most one finding saying why."""
    rules = disclaimer_rules(RULES_FILE, tuple(rule_files))
    text = article.text or ""
    plain = _squeeze(normalise(text))
    if required_text and _squeeze(normalise(required_text)).strip() not in plain:
        message = rules.messages["required"].format(required=" ".join(required_text.split()))
        return "missing", [_finding(article, "disclaimer.missing", rules.severity["missing"],
                                    message, document_anchor(article), {"required": required_text})]
    if _has_full(plain, rules) or _has_full(_squeeze(normalise(article.site_disclaimer or "")), rules):
        return "present", []
    weak = _weak_passage(article, rules)
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
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
            if _has_full(_squeeze(plain[m.start():m.end()]), rules)]


def _squeeze(plain: str) -> str:
    return re.sub(r" +", " ", plain)


def _has_full(plain: str, rules: DisclaimerRules) -> bool:
    return any(p.search(plain) for p in rules.full)


def _weak_passage(article: Article, rules: DisclaimerRules) -> tuple[str, tuple[int, int]] | None:
    """The passage that makes the disclaimer weak: an advisory sentence, a bare label or a link."""
    plain = normalise(article.text or "")
    for pattern in rules.advisory:
        match = _search_unsqueezed(pattern, plain)
        if match is not None:
            return "advisory", sentence_around(article.text, *match)
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


def _search_unsqueezed(pattern: re.Pattern[str], plain: str) -> tuple[int, int] | None:
    """Match a single-space pattern against text whose runs of spaces are kept, by offsets."""
    keep = [i for i, ch in enumerate(plain) if not (ch == " " and i and plain[i - 1] == " ")]
    squeezed = "".join(plain[i] for i in keep)
    match = pattern.search(squeezed)
    if match is None:
        return None
    return keep[match.start()], keep[match.end() - 1] + 1


def _finding(article: Article, rule: str, severity: str, message: str,
             span: tuple[int, int], evidence: dict[str, object]) -> Finding:
    start, end = span
    return Finding(rule=rule, severity=severity, message=message,
                   text=article.text[start:end], start=start, end=end, evidence=dict(evidence))
