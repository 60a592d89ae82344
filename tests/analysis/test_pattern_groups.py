"""Pattern groups: one scan of the alternation says what reading each pattern would say."""
from __future__ import annotations

import re

import pytest

from analysis.pattern_groups import PatternGroup
from analysis.rulebook import ScanText
from analysis.trust import trust_rules

GROUP = [r"\b(risks?|dangers?)\s+of\b", r"(?<!no )\bside effects\b", r"(?-i:\bFDA\b) warning"]


@pytest.mark.parametrize("text, expected", [
    ("The risks of surgery are small.", True),
    ("There were no side effects.", False),
    ("Mild side effects were seen.", True),
    ("An fda warning", False),
    ("An FDA WARNING", True),
    ("Nothing to see here.", False),
    ("", False),
])
def test_pattern_groups_any_match_is_any_pattern_search(text: str, expected: bool) -> None:
    group = PatternGroup.of(GROUP, re.I)
    assert group.joined is not None
    assert group.any_match(ScanText(text)) is expected
    assert any(p.search(ScanText(text)) for p in group.patterns) is expected


@pytest.mark.parametrize("sources", [
    [r"(a)\1", "b"],  # a backreference counts groups from the start of the whole
    ["(?P<x>a)", "(?P<x>b)"],  # one group name twice
    ["(?i)a", "b"],  # a global flag
    ["a"],  # nothing to gain
])
def test_pattern_groups_not_joined_when_meaning_would_change(sources: list[str]) -> None:
    group = PatternGroup.of(sources, 0)
    assert group.joined is None
    assert group.any_match(ScanText("aa b")) is any(p.search(ScanText("aa b")) for p in group.patterns)


def test_pattern_groups_trust_rules_are_joined() -> None:
    rules = trust_rules()
    assert rules.commercial.joined is not None and rules.interests.joined is not None
