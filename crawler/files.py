"""Articles from local documents (.txt, .md, .html) for `healthaudit check`; no crawling."""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import Iterator

from crawler.extract import extract_article
from runstore.records import Article, Block, Link

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
BYLINE_DATE = re.compile(r"^(?P<who>[^\n]{0,60}?)\s*(?P<date>\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
DATE_LABEL = re.compile(r"^(last\s+)?(posted|published|updated|reviewed|modified|date)d?\b\s*(on|:)?\s*", re.I)
BY_AUTHOR = re.compile(r"^\s*(?:written\s+)?by\s+(?P<who>[A-Z][^\n]{1,80})$", re.I)
MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)")
MD_PREFIX = re.compile(r"^(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)")


class DocumentError(Exception):
    """A document given to `check` cannot be read."""


def document_paths(paths: list[str]) -> Iterator[str]:
    """Expand directories into their documents; '-' stands for standard input."""
    for name in paths:
        path = Path(name)
        if name == "-":
            yield name
        elif path.is_dir():
            yield from sorted(str(p) for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            yield name
        else:
            raise DocumentError(f"no such file or directory: {name}")


def read_document(name: str) -> Article | None:
    """The Article of one document; None when an HTML page holds no article."""
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read {name}: {exc.strerror}") from None
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm"):
        return extract_article(raw, Path(name).resolve().as_uri())
    text = raw.decode("utf-8", errors="replace")
    if suffix in (".md", ".markdown"):
        return article_from_markdown(text, name)
    return article_from_text(text, name)


def article_from_text(text: str, url: str) -> Article:
    """Plain text: blank lines separate blocks; a short line without end punctuation is a heading."""
    blocks = []
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        piece = match.group().strip()
        if not piece:
            continue
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        kind = "heading" if _looks_like_heading(piece) else "paragraph"
        blocks.append(Block(kind, start, start + len(piece)))
    article = Article(url=url, text=text, blocks=blocks,
                      title=next((text[b.start:b.end] for b in blocks if b.kind == "heading"
                                  and len(text[b.start:b.end].split()) > 2), None),
                      content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest())
    _byline(article)
    return article


def article_from_markdown(source: str, url: str) -> Article:
    """Markdown: marks are dropped from the text, headings and list items become blocks, links kept."""
    parts: list[str] = []
    blocks: list[Block] = []
    links: list[Link] = []
    pos = 0
    for paragraph in re.split(r"\n\s*\n", source):
        for line in _markdown_units(paragraph):
            kind = "heading" if line.startswith("#") else (
                "list-item" if re.match(r"^([-*+]|\d+[.)])\s", line) else "paragraph")
            plain = MD_PREFIX.sub("", line)
            if parts:
                parts.append("\n\n")
                pos += 2
            text, line_links = _strip_links(re.sub(r"(\*\*|__|`)", "", plain), pos)
            blocks.append(Block(kind, pos, pos + len(text)))
            links.extend(line_links)
            parts.append(text)
            pos += len(text)
    text = "".join(parts)
    article = Article(url=url, text=text, blocks=blocks, links=links,
                      title=next((text[b.start:b.end] for b in blocks if b.kind == "heading"), None),
                      content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest())
    _byline(article)
    return article


def _markdown_units(paragraph: str) -> list[str]:
    lines = [line.strip() for line in paragraph.strip().splitlines() if line.strip()]
    if lines and all(MD_PREFIX.match(line) for line in lines):
        return lines
    return [" ".join(lines)] if lines else []


def _strip_links(line: str, offset: int) -> tuple[str, list[Link]]:
    out, links, last = [], [], 0
    for match in MD_LINK.finditer(line):
        out.append(line[last:match.start()])
        start = offset + sum(len(p) for p in out)
        links.append(Link(match.group(2), match.group(1), start, start + len(match.group(1))))
        out.append(match.group(1))
        last = match.end()
    out.append(line[last:])
    return "".join(out), links


def _looks_like_heading(piece: str) -> bool:
    return "\n" not in piece and len(piece) < 120 and not re.search(r"[.!?:;,]['\")\]]?$", piece)


def _byline(article: Article) -> None:
    """Author and date from a short byline block such as 'Jane Doe 2025-09-11 12:43'."""
    lines = (line.strip() for block in article.blocks
             for line in article.text[block.start:block.end].splitlines())
    for line in lines:
        if len(line) > 80:
            continue
        dated = BYLINE_DATE.match(line)
        if dated and not article.published:
            article.published = dated.group("date")
            who = DATE_LABEL.sub("", dated.group("who")).strip(" -|·,:")
            if who and not article.author and len(who.split()) <= 4:
                article.author = who
        by = BY_AUTHOR.match(line)
        if by and not article.author:
            article.author = by.group("who").strip()
