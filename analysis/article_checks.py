"""Whole-article checks as pipeline components: disclaimer, readability, trust and balance.

The checks themselves live in disclaimers.py, readability.py and trust.py; these components
only feed them the Article and the sentences and claims found earlier in the pipeline.
"""
from __future__ import annotations

import logging
from typing import Any

from spacy.tokens import Doc

from analysis.claim_summary import ClaimSummary
from analysis.components import add_findings, article_of

logger = logging.getLogger(__name__)


def _optional(module: str, name: str) -> Any:
    """A check from a sibling module; None (logged) while that module is not available."""
    try:
        imported = __import__(f"analysis.{module}", fromlist=[name])
        return getattr(imported, name)
    except (ImportError, AttributeError) as exc:
        logger.warning("analysis.%s.%s unavailable, check skipped: %s", module, name, exc)
        return None


def _load_rules(module: str, loader: str, rule_files: tuple[str, ...]) -> None:
    """Load and compile a check's rule data now, in the parent process, as the check will ask
    for it (with and without the user's files), so that forked workers share it."""
    load, path = _optional(module, loader), _optional(module, "RULES_FILE")
    if load is not None and path is not None:
        load(path, rule_files)
        load()


class DisclaimerComponent:
    def __init__(self, required_text: str, rule_files: list[str] | tuple[str, ...] = ()) -> None:
        self.required_text = required_text
        self.rule_files = tuple(rule_files)
        self.assess = _optional("disclaimers", "assess_disclaimer")
        _load_rules("disclaimers", "disclaimer_rules", self.rule_files)

    def __call__(self, doc: Doc) -> Doc:
        if self.assess is None:
            doc._.disclaimer = "missing"
            return doc
        status, findings = self.assess(article_of(doc), self.required_text, rule_files=self.rule_files)
        doc._.disclaimer = status
        add_findings(doc, findings)
        return doc


class ReadabilityComponent:
    def __init__(self, grade_target: float, hard_sentences: int,
                 rule_files: list[str] | tuple[str, ...] = ()) -> None:
        self.grade_target = grade_target
        self.hard_sentences = hard_sentences
        self.rule_files = tuple(rule_files)
        self.metrics = _optional("readability", "readability_metrics")
        self.findings = _optional("readability", "readability_findings")
        _load_rules("readability", "readability_rules", self.rule_files)
        preload = _optional("textstats", "load_dictionaries")
        if preload is not None:
            # load the dictionaries here, once, in the parent process: worker processes
            # (nlp.pipe n_process) then share them instead of each spending a second loading them
            preload()

    def __call__(self, doc: Doc) -> Doc:
        if self.metrics is None or self.findings is None:
            doc._.metrics = {}
            return doc
        # headings and reference entries are not prose an editor would rewrite for readability
        prose = [(s[0], s[1]) for s in doc._.sentences or [] if s[3] not in ("heading", "reference")]
        article = article_of(doc)
        metrics = self.metrics(article.text)
        doc._.metrics = metrics
        add_findings(doc, self.findings(article, prose, metrics, self.grade_target,
                                        self.hard_sentences, rule_files=self.rule_files))
        return doc


class TrustComponent:
    def __init__(self, review_max_months: int, rule_files: list[str] | tuple[str, ...] = ()) -> None:
        self.review_max_months = review_max_months
        self.rule_files = tuple(rule_files)
        self.trust = _optional("trust", "trust_findings")
        _load_rules("trust", "trust_rules", self.rule_files)

    def __call__(self, doc: Doc) -> Doc:
        if self.trust is None:
            return doc
        claims = [ClaimSummary(*c) for c in doc._.claims or []]
        add_findings(doc, self.trust(article_of(doc), claims, self.review_max_months,
                                     rule_files=self.rule_files,
                                     sections=(doc._.news_end, doc._.about_from)))
        return doc
