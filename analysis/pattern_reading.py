r"""Reading a rule pattern (parsed by re's own parser): the beginnings every match starts with,
whether it starts at the start of the text, and the words every match must contain. The
scanners of analysis/wordscan.py use these to try a pattern only where it can match.
"""
from __future__ import annotations

import re
from re import _casefix, _constants, _parser  # type: ignore[attr-defined]
from typing import Any, Callable

# Characters of a beginning kept: enough to tell most cues apart, few enough to keep finders small.
HEAD_CHARS = 4
# Beginnings kept for one pattern at most (a character class multiplies them).
MAX_HEADS = 256
# Stands in a beginning for "any digit" (re's \d): no rule pattern holds this character.
DIGIT = "\x00"
# Stands in a beginning for "the start of the text" (a "^" without re.MULTILINE, or "\A").
TEXT_START = "\x02"
_WORD_CHAR = re.compile(r"\w")


# -- reading a pattern's beginnings -----------------------------------------------------

def match_heads(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    """The lower-case beginnings (up to HEAD_CHARS characters) one of which every match of
    `pattern` starts with, and whether every match also starts a word; None when some match
    may start with no known character."""
    if pattern.flags & (re.ASCII | re.LOCALE):
        return None  # the finders' \\w is Unicode's
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except re.error:
        return None
    heads = _heads(items, {""}, not pattern.flags & re.MULTILINE)
    if heads is None or "" in heads:
        return None
    # a word start is known from "(?<![\\w-])" or "\\b" before a word character (nothing
    # precedes the start of the text)
    at_word_start = _starts_word(items) and all(h[0] in (DIGIT, TEXT_START) or _WORD_CHAR.match(h) for h in heads)
    return frozenset(h[:HEAD_CHARS] for h in heads), at_word_start


def starts_text(pattern: re.Pattern[str]) -> bool:
    """Whether every match of `pattern` starts at the start of the text ("^" or "\\A" first)."""
    if pattern.flags & re.MULTILINE:
        return False  # "^" then starts every line
    try:
        return _starts_text(list(_parser.parse(pattern.pattern, pattern.flags)))
    except re.error:
        return False


def _starts_text(items: list[Any]) -> bool:
    return _asserted_first(items, lambda op, value: op is _constants.AT and value in (
        _constants.AT_BEGINNING, _constants.AT_BEGINNING_STRING))


def _starts_word(items: list[Any]) -> bool:
    """Whether the sequence asserts, before it consumes anything, that no word character precedes:
    "(?<![\\w-])", or "\\b" before a word character (match_heads checks that)."""
    return _asserted_first(items, lambda op, value: (
        op is _constants.ASSERT_NOT and value[0] == -1 and _is_word_class(list(value[1])))
        or (op is _constants.AT and value is _constants.AT_BOUNDARY))


def _asserted_first(items: list[Any], asserts: Callable[[Any, Any], bool]) -> bool:
    """Whether, along every branch, an item of which `asserts` holds comes before the sequence
    consumes anything (other zero-width items and case-flag groups are looked through)."""
    for op, value in items:
        if asserts(op, value):
            return True
        if op is _constants.SUBPATTERN and _only_case_flags(value):
            if _asserted_first(list(value[3]), asserts):
                return True
            if _consumes(list(value[3])):
                return False
            continue
        if op is _constants.BRANCH:
            return all(_asserted_first(list(branch), asserts) for branch in value[1])
        if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            continue
        return False
    return False


def _is_word_class(items: list[Any]) -> bool:
    """A one-character class that holds every word character, such as [\\w-]."""
    return (len(items) == 1 and items[0][0] is _constants.IN
            and (_constants.CATEGORY, _constants.CATEGORY_WORD) in items[0][1]
            and not any(op is _constants.NEGATE for op, _ in items[0][1]))


def _consumes(items: list[Any]) -> bool:
    return any(op not in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT) for op, _ in items)


def _heads(items: list[Any], open_heads: set[str], caret_starts_text: bool = False) -> set[str] | None:
    """Beginnings of the matches of `items`, each preceded by one of `open_heads`; None when some
    match may begin with no known character. Beginnings grow through literal ASCII characters
    and groups of them ("(a|an|the) " gives "a ", "an ", "the ") and stop at anything else: a
    shorter beginning is still one. A branch that begins at the start of the text ("^" when
    `caret_starts_text`, "\\A") has the beginning TEXT_START."""
    return _heads_through(items, open_heads, caret_starts_text)[0]


def _heads_through(items: list[Any], open_heads: set[str],
                   caret_starts_text: bool) -> tuple[set[str] | None, bool]:
    """_heads, and whether every beginning runs through all of `items` (or is HEAD_CHARS long
    already), so that what follows them in the pattern may extend them."""
    for index, (op, value) in enumerate(items):
        if op is _constants.AT and open_heads == {""} and (
                value is _constants.AT_BEGINNING_STRING or (caret_starts_text and value is _constants.AT_BEGINNING)):
            return {TEXT_START}, False
        if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            continue  # zero-width: consumes nothing
        chars = _literal_chars([(op, value)]) if op is _constants.LITERAL else (
            _class_chars(value) if op is _constants.IN else None)
        if chars is not None and len(open_heads) * len(chars) <= MAX_HEADS:
            open_heads = {h + char for h in open_heads for char in chars}
            if all(len(h) >= HEAD_CHARS for h in open_heads):
                return _nonempty(open_heads), True  # long enough: what follows would add nothing
            continue
        if op is _constants.SUBPATTERN and _only_case_flags(value):
            # case-sensitive or not, a literal letter's lower case is what folded text holds
            inner, through = _heads_through(list(value[3]), open_heads, caret_starts_text)
            if inner is None or not through:
                return _nonempty(inner), False
            open_heads = inner
            continue
        if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            least, _, body = value
            repeated = _heads(list(body), open_heads, caret_starts_text)
            if least >= 1 or repeated is None:
                return _nonempty(repeated), False
            skipped = _heads(items[index + 1:], open_heads, caret_starts_text)  # an optional item may be absent
            return (None if skipped is None else _nonempty(repeated | skipped)), False
        if op is _constants.BRANCH:
            found: set[str] = set()
            every_through = True
            for branch in value[1]:
                inner, through = _heads_through(list(branch), open_heads, caret_starts_text)
                if inner is None:
                    return None, False
                found |= inner
                every_through = every_through and through
            if not every_through or _nonempty(found) is None:
                return _nonempty(found), False
            open_heads = found
            continue
        return _nonempty(open_heads), False
    return _nonempty(open_heads), True


def _class_chars(items: list[Any]) -> set[str] | None:
    """What folded text holds where a one-character class matches: a few listed characters, or
    any digit (DIGIT stands for them all)."""
    if items == [(_constants.CATEGORY, _constants.CATEGORY_DIGIT)]:
        return {DIGIT}
    if len(items) == 1 and items[0][0] is _constants.RANGE and all(48 <= code <= 57 for code in items[0][1]):
        return {DIGIT}  # a range of ASCII digits ("[0-3]"): a digit at least
    return _literal_chars(items)


def _literal_chars(items: list[Any]) -> set[str] | None:
    """The lower case of literal characters, when that is all folded text can hold there: ASCII,
    or characters that have no case at all (superscript digits)."""
    chars = set()
    for op, value in items:
        if op is not _constants.LITERAL or chr(value) in (DIGIT, TEXT_START):
            return None
        char = chr(value)
        if not (char.isascii() or (char.lower() == char == char.upper() == char.casefold()
                                   and value not in _casefix._EXTRA_CASES)):
            return None
        chars.add(char.lower())  # a case-sensitive letter's lower case is folded text's too
    return chars


def _only_case_flags(subpattern: Any) -> bool:
    return not (subpattern[1] | subpattern[2]) & ~re.IGNORECASE


def _nonempty(heads: set[str] | None) -> set[str] | None:
    return None if heads is None or "" in heads else heads


# -- reading the words a pattern's matches must contain ----------------------------------

# A literal shorter than this is in too many texts to be worth looking for.
SHORTEST_LITERAL = 3
# Literals kept for one pattern at most; beyond that it is not screened.
MAX_LITERALS = 400


def contained_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of `pattern` holds (so a text whose lower
    case holds none of them has no match); None when no such set of useful strings is known.
    Read from the parsed pattern: a sequence gives its most telling mandatory run of literal
    characters or mandatory group, an alternation the strings of all its branches."""
    if pattern.flags & (re.ASCII | re.LOCALE):
        return None
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except re.error:
        return None
    found = _contained(items)
    if not found or len(found) > MAX_LITERALS:
        return None
    return tuple(sorted(found))


def _contained(items: list[Any]) -> set[str] | None:
    """Strings one of which every match of the item sequence holds; None when none is known."""
    best: set[str] | None = None
    run = ""

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if found and min(map(len, found)) >= SHORTEST_LITERAL and len(found) <= MAX_LITERALS and (
                best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, value in items:
        if op is _constants.LITERAL:
            chars = _literal_chars([(op, value)])
            if chars is not None:
                run += next(iter(chars))
                continue
        consider({run} if run else None)
        run = ""
        if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            continue  # zero-width: holds no text (the run is ended all the same, to keep this simple)
        if op is _constants.SUBPATTERN and _only_case_flags(value):
            consider(_contained(list(value[3])))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and value[0] >= 1:
            consider(_contained(list(value[2])))
        elif op is _constants.BRANCH:
            union: set[str] = set()
            for branch in value[1]:
                inner = _contained(list(branch))
                if not inner:
                    union = set()
                    break
                union |= inner
            consider(union or None)
    consider({run} if run else None)
    return best
