"""Cue groups read together from a sentence find exactly what each finds on its own."""
from __future__ import annotations

import re

from analysis.claim_findings import SENTENCE_GROUPS
from analysis.group_scan import GroupScan
from analysis.rulebook import cue_sets
from benchmarks.analysis_speed import generate_corpus

SENTENCES = [
    "This cream completely eliminates eczema in children and is 100% safe, with no side effects.",
    "Acupuncture may reduce chronic pain, studies show; the drug works by blocking pain signals.",
    "Most patients report that the treatment relieved their symptoms within weeks, Dr. Roe said.",
    "It is not clear whether yoga could possibly help, and it does not cure arthritis.",
    "A breakthrough? The miracle cure is linked to lower rates of gout, and may be associated with it.",
    "«Cure» ‹no› ¿cure? cure\u2028no \u3000a few x\x01cure under_cure ·miracle cure· †breakthrough",
    "The \u212aelvin sign: \u212aure; a dotted \u0130 and a long \u017fure; \u0130s it cure?",
    "",
]


def sentences() -> list[str]:
    generated = [s for article in generate_corpus(40, seed=17)
                 for s in re.split(r"(?<=[.!?])\s+|\n+", article.text) if s.strip()]
    return SENTENCES + generated


def test_group_scan_finds_what_each_group_finds_alone() -> None:
    groups = [cue_sets()[name] for name in SENTENCE_GROUPS]
    scan = GroupScan.of([(group.pattern, group.alone) for group in groups])
    assert scan is not None
    for sentence in sentences():
        together = scan.matches(sentence)
        if together is None:  # lower case not to be trusted, or a mark in the text: each group reads it alone
            assert "\u212a" in sentence or "\x01" in sentence
            continue
        for group, found in zip(groups, together):
            assert [m.span() for m in found] == [m.span() for m in group.pattern.finditer(sentence)], \
                (group.name, sentence)


def test_group_scan_refuses_groups_that_may_begin_inside_words() -> None:
    groups = [cue_sets()[name] for name in ("claim.benefit", "support.reference")]  # "(ref", "[1]"
    assert GroupScan.of([(group.pattern, group.alone) for group in groups]) is None
    assert GroupScan.of([(re.compile(r"cure", re.IGNORECASE), [])]) is None  # "procure"
