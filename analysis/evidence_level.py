"""Preliminary evidence: does an article report a study in animals, in cells, or in a handful of people?"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.rulebook import RULES_DIR, CueSet, compile_cues, merge_rules

RULE_FILE = RULES_DIR / "evidence_level.toml"
_NUMBER_WORDS = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBER_WORDS.update({"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50})
_NUMBER = re.compile(r"\d[\d,]*|[a-z]+", re.I)


@dataclass(frozen=True)
class StudyLevel:
    """What kind of preliminary study an article reports, and the words that showed it."""

    kind: str  # animal | lab | small
    cue: str


def evidence_rules(user_rules: dict[str, Any] | None = None) -> dict[str, Any]:
    """The bundled [evidence] tables, extended by an [evidence] table in the user's rule files."""
    rules = tomllib.loads(Path(RULE_FILE).read_text(encoding="utf-8"))
    if user_rules and isinstance(user_rules.get("evidence"), dict):
        merge_rules(rules, {"evidence": user_rules["evidence"]})
    return rules["evidence"]


class EvidenceLevel:
    """Reads the kind of study an article reports with the cue groups of evidence_level.toml."""

    def __init__(self, user_rules: dict[str, Any] | None = None) -> None:
        rules = evidence_rules(user_rules)
        self.lead_blocks = int(rules.get("lead_blocks", 3))
        self.animal_mentions = int(rules.get("animal_mentions", 2))
        self.small_sample = int(rules.get("small_sample", 30))
        self.severity = str(rules.get("severity", "high"))
        self.messages: dict[str, str] = rules.get("messages", {})
        self.cues: dict[str, CueSet] = {name: compile_cues(f"evidence.{name}", rules.get(name, {}))
                                        for name in ("animal", "lab", "human", "pilot", "sample")}

    def study_level(self, text: str) -> StudyLevel | None:
        """Animal or lab study (with no human study reported), else a very small study, else None."""
        sizes = [(self._size(m.group()), m.group()) for m in self.cues["sample"].find(text)]
        largest = max(sizes, default=(0, ""))
        if largest[0] > self.small_sample:
            return None  # a study of more people than that is no preliminary one, whatever else it says
        human = self.cues["human"].search(text)
        if not human:
            animals = self.cues["animal"].find(text)
            if len(animals) >= self.animal_mentions:
                return StudyLevel("animal", animals[0].group())
            lab = self.cues["lab"].search(text)
            if lab:
                return StudyLevel("lab", lab.group())
        if sizes:
            return StudyLevel("small", largest[1])
        pilot = self.cues["pilot"].search(text)
        return StudyLevel("small", pilot.group()) if pilot else None

    def names_study(self, sentence: str) -> bool:
        """The sentence itself says what was studied ("in mice", "in 12 volunteers"): it is honest."""
        return any(self.cues[name].search(sentence) for name in ("animal", "lab", "pilot", "sample"))

    def message(self, level: StudyLevel) -> str:
        template = self.messages.get(level.kind, "This states as fact a result from a preliminary study (“{study}”).")
        return template.format(study=level.cue)

    @staticmethod
    def _size(phrase: str) -> int:
        for token in _NUMBER.findall(phrase):
            token = token.lower().replace(",", "")
            if token.isdigit():
                return int(token)
            if token in _NUMBER_WORDS:
                return _NUMBER_WORDS[token]
        return 0
