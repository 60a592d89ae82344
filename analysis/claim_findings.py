"""The claim rules: claim.unsupported, claim.vague-attribution and claim.absolute per sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

from analysis.claim_summary import ClaimSummary
from analysis.claims import ClaimReader, ClaimReading
from analysis.evidence_level import EvidenceLevel
from analysis.group_scan import read_together
from analysis.rulebook import CueSet
from analysis.structure import Sentence
from analysis.support import SupportContext, SupportReader
from analysis.vague_statements import VagueStatementReader
from runstore.records import Block, Finding, Link


@dataclass
class ArticleLayout:
    """An article's text with the structure the claim rules need."""

    text: str
    blocks: list[Block]
    sentences: list[Sentence]
    links: list[Link]
    news_end: int  # where a press release's news ends (see structure.release_sections)


# Quotation marks: a quoted claim is a speaker's, not the article's own statement.
_QUOTE = re.compile(r"[\"“”]")
# Blocks that are never prose: headings, and reference entries (see structure.mark_references).
NOT_PROSE = ("heading", "reference")
# The cue groups that read each sentence that may hold a claim (its wording, then its support):
# found together, in one pass over the sentence (see analysis.group_scan).
SENTENCE_GROUPS = ("claim.sensational", "claim.benefit", "claim.false_benefit", "claim.doubt", "claim.negation",
                   "hedge.modal", "hedge.speculative", "hedge.correlational", "claim.absolute")


class ClaimRules:
    """Applies the claim rules of claims.toml to every prose sentence of an article."""

    def __init__(self, rules: dict[str, Any], cues: dict[str, CueSet]) -> None:
        self.claims = ClaimReader(cues, rules.get("claim", {}).get("result_before_to", {}).get("words", []))
        self.support = SupportReader(cues, rules.get("support", {}).get("generic_speakers", {}).get("words", []))
        self.severity = rules.get("severity", {})
        self.messages = rules.get("messages", {})
        self.boilerplate = cues.get("structure.boilerplate")
        self.evidence = EvidenceLevel(rules)
        self.statements = VagueStatementReader(self.claims, self.support)
        read_together([cues[name] for name in SENTENCE_GROUPS if name in cues])

    def apply(self, layout: ArticleLayout) -> tuple[list[Finding], list[ClaimSummary]]:
        findings: list[Finding] = []
        summaries: list[ClaimSummary] = []
        blocks = sorted(layout.blocks, key=lambda b: b.start)
        prose = self._prose_blocks(layout, blocks)
        paragraphs = Paragraphs(layout, blocks, prose, self.support.cues["support.reference"])
        lead_claims: list[tuple[Sentence, str, ClaimReading]] = []
        for sentence in self._candidates(layout, prose):
            heading = sentence.kind == "heading"
            text = layout.text[sentence.start:sentence.end]
            reading = self.claims.read(text)
            # an organisation's praise of itself after the news ("groundbreaking medical advances")
            # is not about the findings; a claim that a product works still is, wherever it stands
            if sentence.start >= layout.news_end and reading.sensational:
                reading = replace(reading, sensational=[])
            if sentence.block < self.evidence.lead_blocks and reading.strength in ("strong", "absolute"):
                lead_claims.append((sentence, text, reading))
            if heading:
                # a headline cites nothing, so only its wording is judged: a headline promising
                # a cure or a breakthrough is what readers remember
                findings.extend(self._loud_headline(reading, sentence, text))
                continue
            if reading.sensational and not reading.is_claim:
                findings.append(self._finding("claim.absolute", "medium", reading.sensational, sentence, text,
                                              "strong", "none"))
            if not reading.is_claim:
                findings.extend(self._vague_statement(layout, paragraphs, sentence, text))
                continue
            support, support_cues = self.support.read(self._context(layout, paragraphs, sentence))
            summaries.append(ClaimSummary(sentence.start, sentence.end, reading.strength, support))
            findings.extend(self._claim_findings(reading, support, support_cues, sentence, text))
        findings.extend(self._overstated_lead(layout, paragraphs, lead_claims, findings))
        return findings, summaries

    def _candidates(self, layout: ArticleLayout, prose: dict[int, int]) -> list[Sentence]:
        """The headings and prose sentences that hold a benefit or sensational cue, and the prose
        sentences that hold an appeal to evidence or consensus (cheap pre-checks, each run over
        all the sentences at once): only those are read in full."""
        read = [s for s in layout.sentences if s.kind == "heading" or s.block in prose]
        claiming = self.claims.may_claim_each(layout.text, [(s.start, s.end) for s in read])
        others = [s for s, may in zip(read, claiming) if not may and s.kind != "heading"]
        appealing = {s for s, may in zip(others, self.statements.may_attribute_each(
            layout.text, [(s.start, s.end) for s in others])) if may}
        return [s for s, may in zip(read, claiming) if may or s in appealing]

    def _overstated_lead(self, layout: ArticleLayout, paragraphs: Paragraphs, lead_claims: list[tuple[Sentence, str, ClaimReading]],
                         found: list[Finding]) -> list[Finding]:
        """Opening claims stated as fact from a study in animals, in cells or in a handful of people.

        A quotation is the researcher's voice and is left to the other rules; a sentence that
        names the study itself ("in mice", "in 12 volunteers") says what the evidence is."""
        loud = {(f.start, f.end) for f in found if f.rule == "claim.absolute"}
        open_to_it = ((sentence, text, reading) for sentence, text, reading in lead_claims
                      if not ((sentence.start, sentence.end) in loud or _QUOTE.search(text) or self.evidence.names_study(text)))
        first = next(open_to_it, None)
        # the whole text is read for the kind of study only when some opening claim is open to it
        level = self.evidence.study_level(layout.text) if first is not None else None
        if level is None:
            return []
        out = []
        for sentence, text, reading in chain([first], open_to_it):
            support = "none" if sentence.kind == "heading" else self.support.read(self._context(layout, paragraphs, sentence))[0]
            finding = self._finding("claim.absolute", self.evidence.severity, reading.benefit + [level.cue],
                                    sentence, text, reading.strength, support)
            finding.message = self.evidence.message(level)
            finding.evidence["study"] = level.kind
            out.append(finding)
        return out

    def _vague_statement(self, layout: ArticleLayout, paragraphs: Paragraphs, sentence: Sentence,
                         text: str) -> list[Finding]:
        """A medical statement that claims no benefit but rests only on "studies show" or on a
        consensus: a lesser fault than an unsourced claim, so reported at its own (low) severity."""
        appeals = self.statements.read(self._context(layout, paragraphs, sentence))
        if not appeals:
            return []
        strength = "hedged" if self.claims.hedge_cues(text) else "strong"
        return [self._finding("claim.vague-attribution", self.severity.get("statement", {}).get("vague", "low"),
                              appeals, sentence, text, strength, "vague",
                              message_key="claim.vague-attribution.statement")]

    def _loud_headline(self, reading: Any, sentence: Sentence, text: str) -> list[Finding]:
        loud = (reading.absolute if reading.is_claim else []) + reading.sensational
        if not loud:
            return []
        return [self._finding("claim.absolute", self.severity.get("absolute", {}).get("named", "medium"),
                              loud, sentence, text, reading.strength if reading.is_claim else "strong", "none")]

    def _claim_findings(self, reading: Any, support: str, support_cues: list[str],
                        sentence: Sentence, text: str) -> list[Finding]:
        out = []
        severity = self.severity.get(reading.strength, {}).get(support, "info")
        if support == "none" or (support == "vague" and self.support.is_testimony(text)):
            out.append(self._finding("claim.unsupported", severity, reading.benefit, sentence, text,
                                     reading.strength, support))
        elif support == "vague":
            # the message names the vague source only; the benefit words stay in the evidence
            out.append(self._finding("claim.vague-attribution", severity, support_cues + reading.benefit,
                                     sentence, text, reading.strength, support, shown=support_cues))
        loud = reading.absolute + reading.sensational
        if loud:
            level = self.severity.get("absolute", {}).get(support, "medium")
            out.append(self._finding("claim.absolute", level, loud, sentence, text, reading.strength, support))
        return out

    def _finding(self, rule: str, severity: str, cues: list[str], sentence: Sentence, text: str,
                 strength: str, support: str, shown: list[str] | None = None,
                 message_key: str | None = None) -> Finding:
        """A finding; `shown` are the cues the message names (default: all of them), and
        `message_key` the message used in place of the rule's own when the rules file has it."""
        unique = list(dict.fromkeys(cues))
        key = message_key or (f"{rule}.hedged" if rule == "claim.unsupported" and strength == "hedged" else rule)
        message = self.messages.get(key, self.messages.get(rule, rule)).format(
            cues=", ".join(f"“{c}”" for c in list(dict.fromkeys(shown or unique))[:4]))
        return Finding(rule=rule, severity=severity, message=message, text=text,
                       start=sentence.start, end=sentence.end,
                       evidence={"cues": unique, "strength": strength, "support": support})

    def _prose_blocks(self, layout: ArticleLayout, blocks: list[Block]) -> dict[int, int]:
        """Blocks that are prose, each mapped to the prose block before it (-1 for none);
        headings and page furniture (captions, adverts, bylines) are skipped."""
        prose: dict[int, int] = {}
        previous = -1
        for index, block in enumerate(blocks):
            body = layout.text[block.start:block.end]
            if block.kind in NOT_PROSE or (self.boilerplate and self.boilerplate.search(body)):
                continue
            prose[index] = previous
            previous = index
        return prose

    def _context(self, layout: ArticleLayout, paragraphs: Paragraphs, sentence: Sentence) -> SupportContext:
        block = paragraphs.blocks[sentence.block]
        before = paragraphs.prose.get(sentence.block, -1)
        previous = paragraphs.text_of(before) if before >= 0 else ""
        return SupportContext(layout.text[sentence.start:sentence.end],
                              layout.text[block.start:sentence.start], previous,
                              paragraphs.linked(sentence.block))


class Paragraphs:
    """An article's blocks in text order, its prose blocks (each mapped to the prose block before
    it) and whether each paragraph is linked: worked out once per article, not at every sentence."""

    def __init__(self, layout: ArticleLayout, blocks: list[Block], prose: dict[int, int],
                 reference: CueSet) -> None:
        self.layout = layout
        self.blocks = blocks
        self.prose = prose
        self.reference = reference
        self._linked: dict[int, bool] = {}

    def text_of(self, index: int) -> str:
        block = self.blocks[index]
        return self.layout.text[block.start:block.end]

    def linked(self, index: int) -> bool:
        """A link or a numbered reference anywhere in the paragraph."""
        if index not in self._linked:
            block = self.blocks[index]
            self._linked[index] = (any(block.start <= link.start < block.end for link in self.layout.links)
                                   or bool(self.reference.search(self.text_of(index))))
        return self._linked[index]
