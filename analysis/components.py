"""spaCy components of the audit, registered as factories through the spacy_factories entry point.

Each component reads the article the Doc was made from (`doc._.article`, filled from the
context given to `nlp.pipe(..., as_tuples=True)`) and adds its results to Doc extensions,
as plain JSON-like data so that Docs can travel between worker processes.
"""
from __future__ import annotations

import logging
from typing import Any

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from analysis.claim_findings import ArticleLayout, ClaimRules
from analysis.rulebook import abbreviation_words, cue_sets, load_rules
from analysis.structure import (Sentence, abbreviation_set, infer_blocks, mark_references, release_sections,
                                sentence_spans)
from runstore.records import Article, Block, Finding

logger = logging.getLogger(__name__)

EXTENSIONS = {"article": None, "sentences": None, "blocks": None, "news_end": None, "about_from": None, "claims": None,
              "findings": None, "disclaimer": None, "metrics": None}
for _name, _default in EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def article_of(doc: Doc) -> Article:
    """The Article behind a Doc: from `doc._.article`, else from the pipe context, else bare text."""
    if doc._.article is None:
        context = getattr(doc, "_context", None)
        data = context if isinstance(context, dict) and _same_text(doc, context.get("text")) else {"url": "", "text": doc.text}
        doc._.article = data
    data = doc._.article
    known = _ARTICLES.get(id(data))
    if known is not None and known[0] is data:
        return known[1]
    if len(_ARTICLES) >= ARTICLES_KEPT:
        _ARTICLES.clear()
    article = Article.from_dict(data)
    _ARTICLES[id(data)] = (data, article)
    return article


# The Articles read from `doc._.article`, so that the five components of one Doc (and of a batch of
# Docs: each component runs over the batch in turn) read each once. Keyed by the identity of the
# data, which is kept with its Article, so that an id reused by new data is never taken for it.
# The components only read an Article.
ARTICLES_KEPT = 256
_ARTICLES: dict[int, tuple[dict[str, Any], Article]] = {}


def _same_text(doc: Doc, text: object) -> bool:
    """Whether `text` is the Doc's text, checked at the first and last token: doc.text would
    rebuild the whole text from its tokens, which costs more than the rest of the structure step."""
    if not isinstance(text, str):
        return False
    if not len(doc):
        return not text.strip()
    first, last = doc[0], doc[-1]
    return (last.idx + len(last.text_with_ws) == len(text) and text.startswith(first.text, first.idx)
            and text.startswith(last.text, last.idx))


def add_findings(doc: Doc, findings: list[Finding]) -> None:
    doc._.findings = (doc._.findings or []) + [f.to_dict() for f in findings]


def layout_of(doc: Doc) -> ArticleLayout:
    article = article_of(doc)
    blocks = [Block(*b) for b in doc._.blocks or []]
    sentences = [Sentence(*s) for s in doc._.sentences or []]
    news_end = doc._.news_end
    return ArticleLayout(article.text, blocks, sentences, article.links,
                         len(article.text) if news_end is None else news_end)


def mark_sentence_starts(doc: Doc, starts: set[int]) -> None:
    """Set SENT_START in one array write (the per-token setter rescans the Doc every time)."""
    if not len(doc):
        return
    offsets = doc.to_array([IDX])  # in increasing order
    wanted = numpy.fromiter(sorted(starts), dtype=offsets.dtype, count=len(starts))
    at = numpy.searchsorted(offsets, wanted)  # where each start is, or would be, among the tokens
    inside = at < len(offsets)  # the starts past the last token are the last ones
    at, wanted = at[inside], wanted[inside]
    flags = numpy.full(len(offsets), -1, dtype="int64")
    flags[at[offsets[at] == wanted]] = 1  # a token that starts at a sentence start
    flags[0] = 1
    doc.from_array([SENT_START], flags.view("uint64").reshape(-1, 1))


class StructureComponent:
    """Sentences that respect the article's blocks; sets token.is_sent_start accordingly. Also
    marks where a press release's news ends and its issuer's About section begins
    (doc._.news_end, doc._.about_from)."""

    def __init__(self, heading_max_words: int, rule_files: list[str]) -> None:
        self.heading_max_words = heading_max_words
        self.abbreviations = abbreviation_set(abbreviation_words(tuple(rule_files)))
        cues = cue_sets(tuple(rule_files))
        self.reference_heading = cues["structure.reference_heading"]
        self.bibliography = cues["structure.bibliography"]
        self.rule_files = tuple(rule_files)

    def __call__(self, doc: Doc) -> Doc:
        article = article_of(doc)
        text = article.text  # the Doc's text; doc.text would rebuild it from the tokens
        blocks = [b for b in article.blocks if 0 <= b.start < b.end <= len(text)]
        if not blocks:
            blocks = infer_blocks(text, self.heading_max_words)
        blocks.sort(key=lambda b: b.start)
        blocks = mark_references(text, blocks, self.reference_heading, self.bibliography)
        sentences = sentence_spans(text, blocks, self.abbreviations)
        doc._.blocks = [[b.kind, b.start, b.end] for b in blocks]
        doc._.sentences = [[s.start, s.end, s.block, s.kind] for s in sentences]
        doc._.news_end, doc._.about_from = release_sections(text, blocks, self.rule_files)
        mark_sentence_starts(doc, {s.start for s in sentences})
        return doc


class ClaimsComponent:
    """Efficacy claims: claim.unsupported, claim.vague-attribution, claim.absolute."""

    def __init__(self, rule_files: list[str]) -> None:
        files = tuple(rule_files)
        self.rules = ClaimRules(load_rules(files), cue_sets(files))

    def __call__(self, doc: Doc) -> Doc:
        findings, summaries = self.rules.apply(layout_of(doc))
        doc._.claims = [[c.start, c.end, c.strength, c.support] for c in summaries]
        add_findings(doc, findings)
        return doc


@Language.factory("healthaudit_structure", default_config={"heading_max_words": 14, "rule_files": []})
def make_structure(nlp: Language, name: str, heading_max_words: int, rule_files: list[str]) -> StructureComponent:
    return StructureComponent(heading_max_words, rule_files)


@Language.factory("healthaudit_claims", default_config={"rule_files": []})
def make_claims(nlp: Language, name: str, rule_files: list[str]) -> ClaimsComponent:
    return ClaimsComponent(rule_files)


@Language.factory("healthaudit_disclaimer", default_config={"required_text": "", "rule_files": []})
def make_disclaimer(nlp: Language, name: str, required_text: str, rule_files: list[str]) -> Any:
    from analysis.article_checks import DisclaimerComponent
    return DisclaimerComponent(required_text, rule_files)


@Language.factory("healthaudit_readability",
                  default_config={"grade_target": 8.0, "hard_sentences": 3, "rule_files": []})
def make_readability(nlp: Language, name: str, grade_target: float, hard_sentences: int,
                     rule_files: list[str]) -> Any:
    from analysis.article_checks import ReadabilityComponent
    return ReadabilityComponent(grade_target, hard_sentences, rule_files)


@Language.factory("healthaudit_trust", default_config={"review_max_months": 24, "rule_files": []})
def make_trust(nlp: Language, name: str, review_max_months: int, rule_files: list[str]) -> Any:
    from analysis.article_checks import TrustComponent
    return TrustComponent(review_max_months, rule_files)
