"""Vague attribution beyond efficacy claims: medical statements that rest only on "studies show"
or on an appeal to consensus ("this theory has gained widespread acceptance")."""
from __future__ import annotations

import re

from analysis.any_cue import any_cue
from analysis.claims import ClaimReader, is_question
from analysis.support import SupportContext, SupportReader

# "The researchers believe", "these experts say": the people of the story's own study, who are
# a back-reference, not a generic appeal.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|this|that|our|their|his|her|its)\s+$", re.I)


class VagueStatementReader:
    """Finds statements about treatments, causes or theories whose only backing is a generic
    appeal to evidence or consensus (support.toml [support.vague]).

    Unnamed single studies ("a new study shows") are left out: outside a claim of benefit they
    announce the news of a study rather than lean on authority. A denied appeal ("not all
    experts agree") is doubt, not support."""

    def __init__(self, claims: ClaimReader, support: SupportReader) -> None:
        self.claims = claims
        self.support = support
        self.appeal = support.cues["support.vague"]
        self.topic = support.cues["support.statement_topic"]
        self.doubt = support.cues["claim.doubt"]
        self._any_appeal = any_cue([self.appeal]) if self.appeal.pattern else None

    def may_attribute_each(self, text: str, spans: list[tuple[int, int]]) -> list[bool]:
        """For each (start, end) of `spans` (the sentences of an article, read together), whether
        text[start:end] holds an appeal to evidence or consensus at all (cheap pre-check)."""
        # each appeal searched for on its own, in the stretches that hold its words (see any_cue.AnyOf)
        return self._any_appeal.holds_each(text, spans) if self._any_appeal else [False] * len(spans)

    def read(self, context: SupportContext) -> list[str]:
        """The appeals a medical statement rests on; empty when it is no such statement, when
        it asks or doubts, or when a named source or a link backs it after all."""
        sentence = context.sentence
        appeals = [m.group().lower() for m in self.appeal.find(sentence)
                   if not self.claims.negated(sentence, m.start())
                   and not _DEFINITE_BEFORE.search(sentence[:m.start()])]
        if not appeals or not self.topic.search(sentence):
            return []
        if is_question(sentence) or self.doubt.search(sentence):
            return []
        level, _ = self.support.read(context)
        return appeals if level == "vague" else []
