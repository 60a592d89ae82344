"""Rule data: the bundled TOML rule files, extended by the user's own rule files."""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any, Iterator, Sequence

from analysis.rare_alternatives import RareAlternatives
from analysis.case_folding import folded_text
from analysis.wordscan import TABLE_ALTERNATIVES, WordAnchored

logger = logging.getLogger(__name__)

RULES_DIR = Path(__file__).resolve().parent / "rules"
BUNDLED = ("structure.toml", "claims.toml", "hedges.toml", "support.toml", "strength.toml")


class RuleFileError(Exception):
    """A rule file cannot be read or is not valid TOML."""


def load_rules(extra_files: tuple[str, ...] | list[str] = ()) -> dict[str, Any]:
    """Bundled rule data merged with the user's files: lists are extended, other values replaced."""
    rules: dict[str, Any] = {}
    for name in BUNDLED:
        merge_rules(rules, _read(RULES_DIR / name))
    for path in extra_files:
        merge_rules(rules, _read(Path(path)))
        logger.info("rule file %s merged", path)
    return rules


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RuleFileError(f"rule file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"rule file {path} is not valid TOML: {exc}") from None


def merge_rules(base: dict[str, Any], extra: dict[str, Any]) -> None:
    """Merge `extra` into `base` in place: tables merge, lists are extended, other values replaced."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merge_rules(base[key], value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        else:
            base[key] = value


@dataclass(frozen=True)
class CueSet:
    """One commented group of cues, compiled: phrases (a trailing * matches any word ending)
    and regular expressions, matched case-insensitively on word boundaries."""

    name: str
    pattern: re.Pattern[str] | None
    # the cue phrases and patterns (as regexes) of which `pattern` is the alternation, in its order
    alternatives: tuple[str, ...] = field(default=(), repr=False, compare=False)
    # a big group's cues, each compiled on its own (see WordAnchored)
    alone: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    # the pattern tried only at words that could start a match (see analysis.wordscan and,
    # for a group with cues that may begin anywhere, analysis.rare_alternatives)
    scanner: WordAnchored | RareAlternatives | None = field(init=False, repr=False, compare=False)
    # the scan that finds this group in a sentence together with others, and the group's number
    # there (see analysis.group_scan.read_together); None: the group is scanned on its own
    joint: tuple[Any, int] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        alone = tuple(_each_alone(self.pattern, self.alternatives)) if self.pattern else ()
        object.__setattr__(self, "alone", alone)
        object.__setattr__(self, "scanner", _scanner(self.pattern, self.alternatives, alone) if self.pattern else None)
        object.__setattr__(self, "joint", None)

    def find(self, text: str) -> list[re.Match[str]]:
        if self.joint is not None:
            found = self.joint[0].matches(text)
            if found is not None:
                return list(found[self.joint[1]])
        return self.scanner.find(text) if self.scanner else []

    def find_alone(self, text: str) -> list[re.Match[str]]:
        """The matches found by this group's own scanner: for a text that the groups read
        together with it (see `joint`) never read."""
        return self.scanner.find(text) if self.scanner else []

    def cues(self, text: str) -> list[str]:
        return [m.group().lower() for m in self.find(text)]

    def search(self, text: str) -> re.Match[str] | None:
        if self.joint is not None:
            found = self.joint[0].matches(text)
            if found is not None:
                mine = found[self.joint[1]]
                return mine[0] if mine else None
        return self.scanner.search(text) if self.scanner else None

    def search_each(self, text: str, spans: Sequence[tuple[int, int]]) -> list[re.Match[str] | None]:
        """`search(text[start:end])` for each (start, end) of `spans`: the stretches of one text."""
        if isinstance(self.scanner, WordAnchored) and self.joint is None:
            return self.scanner.search_each(text, spans)
        return [self.search(text[start:end]) for start, end in spans]


def _scanner(pattern: re.Pattern[str], alternatives: tuple[str, ...],
             alone: tuple[re.Pattern[str], ...]) -> WordAnchored | RareAlternatives:
    whole = WordAnchored(pattern, alone)
    if whole.heads is not None or len(alternatives) < TABLE_ALTERNATIVES:
        return whole  # a small group is read as fast whole as in parts (measured)

    def compile_group(parts: list[str]) -> tuple[re.Pattern[str], list[re.Pattern[str]]]:
        group = re.compile(cue_regex(parts), pattern.flags)
        return group, _each_alone(group, tuple(parts))

    try:
        return RareAlternatives.of(whole, alternatives, compile_group) or whole
    except re.error:  # a cue that holds only within its group (a backreference)
        return whole


def _each_alone(pattern: re.Pattern[str], alternatives: tuple[str, ...]) -> list[re.Pattern[str]]:
    """The group's cues each compiled on its own (see WordAnchored), for big groups; none when
    a cue holds only within its group."""
    if len(alternatives) < TABLE_ALTERNATIVES:
        return []
    return cues_alone(alternatives, pattern.flags) or []


def cues_alone(alternatives: tuple[str, ...], flags: int) -> list[re.Pattern[str]] | None:
    """Each cue of a group compiled on its own, as a whole-word cue; None when one holds only
    within its group (a backreference to a group of another cue)."""
    try:
        return [re.compile(cue_regex([part]), flags) for part in alternatives]
    except re.error:
        return None


def phrase_regex(phrase: str) -> str:
    """A cue phrase as a regex: words separated by any whitespace, '*' = rest of a word."""
    words = []
    for word in phrase.split():
        tail = r"[\w'’-]*" if word.endswith("*") else ""
        words.append(re.escape(word.rstrip("*")) + tail)
    return r"\s+".join(words)


def compile_cues(name: str, group: dict[str, Any]) -> CueSet:
    parts = [phrase_regex(p) for p in group.get("cues", [])]
    parts += list(group.get("patterns", []))
    if not parts:
        return CueSet(name, None)
    parts.sort(key=len, reverse=True)  # longest first, so "not only" wins over "not"
    return CueSet(name, re.compile(cue_regex(parts), re.IGNORECASE), tuple(parts))


def cue_regex(parts: list[str] | tuple[str, ...]) -> str:
    """The alternation of cue regexes, each matched as whole words."""
    alternation = "|".join(f"(?:{p})" for p in parts)
    return rf"(?<![\w-])(?:{alternation})(?![\w])"


@lru_cache(maxsize=8)
def cue_sets(extra_files: tuple[str, ...] = ()) -> dict[str, CueSet]:
    """Every group that has cues or patterns, compiled once per set of rule files."""
    rules = load_rules(extra_files)
    found: dict[str, CueSet] = {}
    _collect(rules, "", found)
    return found


def _collect(table: dict[str, Any], prefix: str, found: dict[str, CueSet]) -> None:
    for key, value in table.items():
        if isinstance(value, dict):
            name = f"{prefix}{key}"
            if "cues" in value or "patterns" in value:
                found[name] = compile_cues(name, value)
            _collect(value, name + ".", found)


@lru_cache(maxsize=8)
def abbreviation_words(extra_files: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Abbreviations whose full stop does not end a sentence (structure.toml and user files)."""
    rules = load_rules(extra_files)
    return tuple(rules.get("structure", {}).get("abbreviations", {}).get("words", []))


@lru_cache(maxsize=32)
def section_marker(name: str, extra_files: tuple[str, ...] = ()) -> tuple[CueSet | None, int]:
    """A cue group marking where a part of an article begins ("structure.news_end"), and how
    many opening blocks come before it can (its `opening_blocks`)."""
    table: Any = load_rules(extra_files)
    for key in name.split("."):
        table = table.get(key, {}) if isinstance(table, dict) else {}
    return cue_sets(extra_files).get(name), int(table.get("opening_blocks", 0))


# -- quick rejection of rule patterns -------------------------------------------------
# Python's re tries a pattern that opens with "\b(" at every position of the text, which
# costs far more than a substring test. Most rule patterns name words every match must
# contain ("funded", "study|trial"), so a text holding none of them is skipped untried.

_PREFIX_CAP = 64  # literal alternatives kept per pattern; beyond that the pattern just runs


class ScanText:
    """An article text and its lower-cased copy, made once and shared by every pattern check.

    `folded` is None when the text holds a character that re.IGNORECASE equates with an
    ASCII letter other than its own lower case (the Kelvin sign, a dotless i…): then every
    pattern runs, so results never depend on the shortcut."""

    __slots__ = ("text", "folded")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = folded_text(text)


@dataclass(frozen=True)
class QuickPattern:
    """A compiled rule pattern with the literal strings one of which every match contains, and
    the beginnings every match starts with (then only the places holding one are tried)."""

    pattern: re.Pattern[str]
    literals: tuple[str, ...] | None  # None: no such set found, always run the pattern
    scanner: WordAnchored = field(init=False, repr=False, compare=False)
    folds: bool = field(init=False, repr=False, compare=False)  # literals are looked for in lower case
    # whether a text is screened with the literals before the pattern is run: not when the
    # scanner finds the places of its beginnings with fewer than half the screen's str.find
    # passes ("our|my" before "our product", "my clinic"... 28 literals); the literals, longer
    # than the beginnings, rule out more texts, so with about as many passes the screen pays
    screens: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        scanner = WordAnchored(self.pattern)
        object.__setattr__(self, "scanner", scanner)
        object.__setattr__(self, "folds", ignores_case(self.pattern))
        finds = scanner.finds
        object.__setattr__(self, "screens", self.literals is not None and (finds is None or len(self.literals) <= 2 * finds))

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> QuickPattern:
        return cls(pattern, required_literals(pattern))

    def possible(self, scan: ScanText) -> bool:
        if self.literals is None:
            return True
        haystack = scan.folded if self.folds else scan.text
        return haystack is None or any(literal in haystack for literal in self.literals)

    def search(self, scan: ScanText) -> re.Match[str] | None:
        return self.scanner.search(scan.text) if not self.screens or self.possible(scan) else None

    def finditer(self, scan: ScanText) -> Iterator[re.Match[str]]:
        return iter(self.scanner.find(scan.text)) if not self.screens or self.possible(scan) else iter(())


def required_literals(pattern: re.Pattern[str], shortest: int = 3) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains (lower case if it ignores case),
    read from the parsed pattern: the literal run, or branch of literal runs, that is most
    selective among the pattern's mandatory top-level items."""
    try:
        items = _unwrapped(list(_parser.parse(pattern.pattern, pattern.flags)))
    except re.error:
        return None
    fold = ignores_case(pattern)
    best: tuple[str, ...] | None = None
    for index in range(len(items)):
        found = _prefixes(items[index:], fold)[0]
        if found and min(map(len, found)) >= shortest and (best is None or _telling(found) > _telling(best)):
            best = tuple(sorted(found))
    return best


# Literals this long are rare enough in a text: among such sets the smallest is looked for,
# since each literal costs a pass over the text ("clinic", "product" rather than every
# "our clinic", "my product").
TELLING_LENGTH = 6


def _telling(literals: set[str] | tuple[str, ...]) -> tuple[int, int]:
    """How well a set of literals rules texts out at little cost: longer up to TELLING_LENGTH,
    then fewer."""
    return min(min(map(len, literals)), TELLING_LENGTH), -len(literals)


def ignores_case(pattern: re.Pattern[str]) -> bool:
    """Whether the whole pattern ignores case: by its flags, or inside one "(?i:…)"."""
    if pattern.flags & re.IGNORECASE:
        return True
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except re.error:
        return False
    return _unwrapped(items) is not items


def _unwrapped(items: list[Any]) -> list[Any]:
    """The items inside a pattern made of one "(?i:…)" group (which adds only IGNORECASE)."""
    if len(items) == 1 and items[0][0] is _constants.SUBPATTERN:
        group, add_flags, del_flags, inner = items[0][1]
        if group is None and add_flags == re.IGNORECASE and not del_flags:
            return list(inner)
    return items


def _prefixes(items: list[Any], fold: bool) -> tuple[set[str] | None, bool]:
    """The literal strings a match of the item sequence starts with, and whether they are the
    whole of it; (None, _) when some way through the sequence starts with no literal."""
    found = {""}
    for op, value in items:
        if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            continue  # zero-width: consumes nothing
        if op is _constants.LITERAL:
            char = chr(value).lower() if fold else chr(value)
            if len(char) != 1 or (fold and not char.isascii()):
                break
            found = {f + char for f in found}
            continue
        if op is _constants.SUBPATTERN and not value[1] and not value[2]:
            inner, whole = _prefixes(list(value[3]), fold)
        elif op is _constants.BRANCH:
            inner, whole = _branch_prefixes(value[1], fold)
        else:
            break
        if inner is None or len(found) * len(inner) > _PREFIX_CAP:
            break
        found = {f + i for f in found for i in inner}
        if not whole:
            return _nonempty(found), False
    else:
        return _nonempty(found), True
    return _nonempty(found), False


def _branch_prefixes(branches: list[Any], fold: bool) -> tuple[set[str] | None, bool]:
    found: set[str] = set()
    complete = True
    for branch in branches:
        inner, whole = _prefixes(list(branch), fold)
        if inner is None:
            return None, False
        found |= inner
        complete = complete and whole
    return found, complete


def _nonempty(found: set[str]) -> set[str] | None:
    return None if not found or "" in found else found
