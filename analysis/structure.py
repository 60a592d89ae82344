"""Structure-aware sentences: blocks are hard boundaries, headings stand alone, "Dr." does not split."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.rulebook import CueSet, section_marker
from runstore.records import Block

# A candidate end: . ! or ? (with any closing quotes/brackets) followed by space and a
# plausible sentence opening (capital, digit, quote or bracket).
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*[\"'”’)\]]*$")
_LOWER_WORD_BEFORE = re.compile(r"\b[a-z][\w-]*\s+$")
_LINE = re.compile(r"[^\n]+")
_STOPS_AND_QUOTES = frozenset(".!?…\"'”’)]")  # with word characters, all that _WORD_BEFORE matches


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: offsets into its text, its block, and the block's kind."""

    start: int
    end: int
    block: int
    kind: str  # heading | paragraph | list-item | ...


def infer_blocks(text: str, heading_max_words: int = 14) -> list[Block]:
    """Blocks of plain text: blank lines separate them; a short line without end punctuation is
    a heading; every other line of a block stays with its block."""
    blocks: list[Block] = []
    for match in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*", text):
        start, end = _strip(text, match.start(), match.end())
        if start >= end:
            continue
        kind = "heading" if looks_like_heading(text[start:end], heading_max_words) else "paragraph"
        blocks.append(Block(kind, start, end))
    return blocks


def looks_like_heading(piece: str, max_words: int = 14) -> bool:
    if "\n" in piece.strip():
        return False
    words = piece.split()
    # a question standing alone on a short line ("Who can benefit?") is a heading too
    return 0 < len(words) <= max_words and not re.search(r"[.!:;,\"”’]\s*$", piece)


def mark_references(text: str, blocks: list[Block], headings: CueSet, bibliography: CueSet) -> list[Block]:
    """The blocks (in text order) with reference entries re-marked as kind "reference": list items
    and citation-like blocks after a "References"/"Sources" heading, up to the next heading or the
    first block that is neither, and any block that reads like a bibliography entry."""
    marked: list[Block] = []
    in_section = False
    # every block that is not a heading is read for a citation: all at once (see CueSet.search_each)
    citations = iter(bibliography.search_each(text, [(b.start, b.end) for b in blocks if b.kind != "heading"]))
    for block in blocks:
        if block.kind == "heading":
            in_section = bool(headings.search(text[block.start:block.end].strip()))
            marked.append(block)
            continue
        citation = next(citations) is not None
        in_section = in_section and (citation or block.kind == "list-item")
        marked.append(Block("reference", block.start, block.end) if in_section or citation else block)
    return marked


def release_sections(text: str, blocks: list[Block], rule_files: tuple[str, ...] = ()) -> tuple[int, int]:
    """Where a press release's news ends and where the issuer's "About ..." section begins
    (structure.toml [structure.news_end] and [structure.about_section]): the first line that
    the group's cues match whole, in a block after its `opening_blocks` first ones; the end of
    the text for what it lacks. The news ends at the About section at the latest."""
    ordered = sorted(blocks, key=lambda b: b.start)
    lines: dict[int, list[tuple[int, int]]] = {}  # by the opening blocks passed over
    starts = []
    for name in ("structure.about_section", "structure.news_end"):
        marker, opening = section_marker(name, rule_files)
        if marker is None or marker.pattern is None:
            starts.append(len(text))
            continue
        if opening not in lines:
            lines[opening] = [(line.start(), line.end()) for block in ordered[opening:]
                              for line in _LINE.finditer(text, block.start, block.end)]
        found = zip(lines[opening], marker.search_each(text, lines[opening]))
        starts.append(next((start for (start, _), hit in found if hit), len(text)))
    about, end = starts
    return min(end, about), about


def sentence_spans(text: str, blocks: list[Block], abbreviations: frozenset[str]) -> list[Sentence]:
    """Sentences inside blocks, in text order; each line of a block is its own unit so that a
    byline or a caption is never glued to the prose after it."""
    sentences: list[Sentence] = []
    for index, block in enumerate(sorted(blocks, key=lambda b: b.start)):
        start, end = max(0, block.start), min(len(text), block.end)
        if block.kind == "heading":
            s, e = _strip(text, start, end)
            if s < e:
                sentences.append(Sentence(s, e, index, "heading"))
            continue
        for line in re.finditer(r"[^\n]+", text[start:end]):
            for s, e in _split_line(text, start + line.start(), start + line.end(), abbreviations):
                sentences.append(Sentence(s, e, index, block.kind))
    return sentences


def _split_line(text: str, start: int, end: int, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for match in _END.finditer(text, start, end):
        if _is_abbreviation(text[cursor:match.end()], abbreviations):
            continue
        spans.append(_strip(text, cursor, match.end()))
        cursor = match.end()
    spans.append(_strip(text, cursor, end))
    return [(s, e) for s, e in spans if s < e]


def _is_abbreviation(piece: str, abbreviations: frozenset[str]) -> bool:
    if not piece.rstrip("\"'”’)]").endswith("."):
        return False
    match = _word_before(piece)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if word in abbreviations:
        return True
    # a lone capital is an initial ("J. Smith", "Jane A. Roe"), except after a lower-case
    # word, where it names a type or a vitamin and ends the sentence ("toxin type A. During")
    return len(word) == 1 and word.isalpha() and not _LOWER_WORD_BEFORE.search(piece[:match.start()])


def _word_before(piece: str) -> re.Match[str] | None:
    """_WORD_BEFORE.search(piece), which re would try, with backtracking, at every character of
    the sentence. Every match lies in the run of word characters, stops and closing quotes that
    ends the piece, so the search starts where that run does."""
    start = len(piece)
    if piece.endswith("\n"):
        start = 0  # "$" also matches before a final line break: leave that case to re
    while start and (piece[start - 1] in _STOPS_AND_QUOTES or piece[start - 1].isalnum()
                     or piece[start - 1] == "_"):  # what re's \w matches
        start -= 1
    return _WORD_BEFORE.search(piece, start)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=8)
def abbreviation_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in words)
