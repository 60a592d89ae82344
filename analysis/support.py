"""Where a claim's support comes from: a link or reference, a named source, vague words, or none."""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.rulebook import CueSet
from analysis.case_folding import folded_text

SUPPORT_LEVELS = ("linked", "named", "vague", "none")
_QUOTE_OPEN = re.compile(r"^\s*[\"“‘']")
# Verbs that report a study result ("found", "reported"), not an opinion ("says").
RESULT_VERBS = ("found", "showed", "reported", "concluded", "observed", "discovered")
_RESULT_VERB = re.compile(r"\b(?:%s)\b" % "|".join(RESULT_VERBS), re.I)
_RESULT_VERB_ANYWHERE = re.compile("|".join(RESULT_VERBS), re.I)  # inside words too (see _may_report)


@dataclass
class SupportContext:
    """The text around a sentence that may back it: its paragraph so far and the paragraph before."""

    sentence: str
    earlier_in_paragraph: str
    previous_paragraph: str
    paragraph_linked: bool  # a link or numbered reference anywhere in the paragraph

    @property
    def cut_off(self) -> bool:
        """No prose before the sentence: an excerpt, or a story whose opening we cannot see."""
        return not (self.earlier_in_paragraph.strip() or self.previous_paragraph.strip())


class SupportReader:
    """Grades support with the cue groups of support.toml."""

    def __init__(self, cues: dict[str, CueSet], generic_speakers: list[str]) -> None:
        self.cues = cues
        self.generic = frozenset(generic_speakers)

    def read(self, context: SupportContext) -> tuple[str, list[str]]:
        """The support level and the cues that decided it."""
        sentence = context.sentence
        if context.paragraph_linked or self.cues["support.reference"].search(sentence):
            return "linked", ["link or reference"]
        named = self.named_sources(sentence)
        if named:
            return "named", named
        back = self.cues["support.back_reference"].cues(sentence)
        study = self.cues["support.study_reference"].cues(sentence)
        quoted = bool(_QUOTE_OPEN.search(sentence))
        vague = self.vague_cues(sentence) + self.cues["support.testimony"].cues(sentence)
        if back or quoted or study:
            earlier = self.named_sources(context.earlier_in_paragraph) or self.named_sources(context.previous_paragraph)
            if earlier:
                return "named", (back or study or ["quotation"]) + earlier[:1]
            if not vague and self._speaker_taken_on_trust(context, bool(back), quoted):
                return "named", back or ["quotation"]
        if vague or study or back:
            return "vague", vague + study + back
        return self.continued_report(context)

    def continued_report(self, context: SupportContext) -> tuple[str, list[str]]:
        """Support carried over from the text just before: a result that continues one just
        attributed to a named source ("..., Thun and his colleagues found. For men, the difference
        came out to 103 fewer deaths."), or an outcome in a study's participants ("Those on the
        drug had 30 percent fewer attacks") right after the study is named, or only vaguely
        pointed at ("One study found ...")."""
        before = (context.earlier_in_paragraph, context.previous_paragraph)
        for text in before:
            reported = self.reported_by_name(text)
            if reported:
                return "named", reported[:1]
        if not self.cues["support.outcome_report"].search(context.sentence):
            return "none", []
        for text in before:
            source = self.cues["support.source"].cues(text) if text else []
            if source:
                return "named", source[:1]
        for text in before:
            vague = self.vague_cues(text) if text else []
            if vague:
                return "vague", vague[:1]
        return "none", []

    @staticmethod
    def _speaker_taken_on_trust(context: SupportContext, back: bool, quoted: bool) -> bool:
        """A back-reference with no name in reach that is still read as a named speaker.

        A quotation is a speaker's own words, tagged at first mention or after the quote, so it
        is taken as theirs. Reported speech ("..., he said", "the authors concluded that ...")
        puts the claim in the writer's words: with prose before it and no one named there, the
        reader cannot tell who vouches for it. Only when no text before it is visible (an
        excerpt) is the speaker given the benefit of the doubt. "The study" or "the researchers"
        with no study named nearby could be any study, so a study reference never is."""
        return quoted or (back and context.cut_off)

    def vague_cues(self, text: str) -> list[str]:
        """Generic attributions: appeals to evidence or consensus, and unnamed single studies."""
        return self.cues["support.vague"].cues(text) + self.cues["support.unnamed_study"].cues(text)

    def reported_by_name(self, text: str) -> list[str]:
        """Named authors reporting a result ("Thun and his colleagues found") in `text`."""
        if not _may_report(text):
            return []  # most texts: no speaker need be looked for
        found = []
        for match in self.cues["support.named_speaker"].find(text):
            speaker = match.groupdict().get("speaker")
            # a study result ("found", "reported"), not an opinion ("says")
            if not (speaker and speaker in self.generic) and _RESULT_VERB.search(match.group()):
                found.append(match.group().lower())
        return found

    def is_testimony(self, sentence: str) -> bool:
        """Only lay people vouch for the claim ("most patients report..."): not evidence at all."""
        return bool(self.cues["support.testimony"].search(sentence)) and not self.vague_cues(sentence)

    def named_sources(self, text: str) -> list[str]:
        if not text:
            return []
        found = self.cues["support.source"].cues(text)
        for match in self.cues["support.named_speaker"].find(text):
            speaker = match.groupdict().get("speaker")
            if speaker and speaker in self.generic:
                continue
            found.append(match.group().lower())
        return found


def _may_report(text: str) -> bool:
    """Whether `text` holds a result verb anywhere, even inside a word: a named speaker's match
    that holds one as a word is part of the text, so a text without one has no such match."""
    folded = folded_text(text)
    if folded is None:
        return _RESULT_VERB_ANYWHERE.search(text) is not None
    return any(verb in folded for verb in RESULT_VERBS)
