"""Where a claim's support comes from: a link or reference, a named source, vague words, or none."""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.rulebook import CueSet

SUPPORT_LEVELS = ("linked", "named", "vague", "none")
_QUOTE_OPEN = re.compile(r"^\s*[\"“‘']")
_RESULT_VERB = re.compile(r"\b(?:found|showed|reported|concluded|observed|discovered)\b", re.I)


@dataclass
class SupportContext:
    """The text around a sentence that may back it: its paragraph so far and the paragraph before."""

    sentence: str
    earlier_in_paragraph: str
    previous_paragraph: str
    paragraph_linked: bool  # a link or numbered reference anywhere in the paragraph


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
        vague = self.cues["support.vague"].cues(sentence) + self.cues["support.testimony"].cues(sentence)
        if back or quoted or study:
            earlier = self.named_sources(context.earlier_in_paragraph) or self.named_sources(context.previous_paragraph)
            if earlier:
                return "named", (back or study or ["quotation"]) + earlier[:1]
            # a speaker's back-reference ("he said", "the authors write") or a quotation points at
            # one person introduced elsewhere in the story (news style names them at first mention);
            # "the study" or "the researchers" with no study named nearby could be any study
            if (back or quoted) and not vague:
                return "named", back or ["quotation"]
        if vague or study:
            return "vague", vague + study
        # a result that continues one just attributed to a named source ("..., Thun and his
        # colleagues found. For men, the difference came out to 103 fewer deaths.")
        reported = self.reported_by_name(context.earlier_in_paragraph) or self.reported_by_name(context.previous_paragraph)
        if reported:
            return "named", reported[:1]
        return "none", []

    def reported_by_name(self, text: str) -> list[str]:
        """Named authors reporting a result ("Thun and his colleagues found") in `text`."""
        found = []
        for match in self.cues["support.named_speaker"].find(text) if text else []:
            speaker = match.groupdict().get("speaker")
            # a study result ("found", "reported"), not an opinion ("says")
            if not (speaker and speaker in self.generic) and _RESULT_VERB.search(match.group()):
                found.append(match.group().lower())
        return found

    def is_testimony(self, sentence: str) -> bool:
        """Only lay people vouch for the claim ("most patients report..."): not evidence at all."""
        return bool(self.cues["support.testimony"].search(sentence)) and not self.cues["support.vague"].search(sentence)

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
