"""Rule data: the bundled TOML rule files, extended by the user's own rule files."""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

RULES_DIR = Path(__file__).resolve().parent / "rules"
BUNDLED = ("structure.toml", "claims.toml", "hedges.toml", "support.toml")


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

    def find(self, text: str) -> list[re.Match[str]]:
        return list(self.pattern.finditer(text)) if self.pattern else []

    def cues(self, text: str) -> list[str]:
        return [m.group().lower() for m in self.find(text)]

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.pattern else None


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
    alternation = "|".join(f"(?:{p})" for p in parts)
    return CueSet(name, re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])", re.IGNORECASE))


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
