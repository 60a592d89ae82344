"""Extraction: a pure function from an HTML page and its URL to an Article, or None."""
from __future__ import annotations

import hashlib
import logging
import re
from urllib.parse import urljoin, urlsplit

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.core import bare_extraction, determine_returnstring
from trafilatura.metadata import Document
from trafilatura.settings import Extractor

from crawler.metadata import page_metadata
from runstore.records import Article, Block, Link

logger = logging.getLogger(__name__)

MIN_ARTICLE_WORDS = 120
MAX_LINK_SHARE = 0.5  # listing pages are mostly link text
REFERENCE_HEADINGS = re.compile(r"^\s*(references|sources|citations|bibliography|further reading)\b", re.I)
DISCLAIMER_LINK = re.compile(r"\b(medical\s+)?disclaimer\b", re.I)
# Site pages that are not articles, however much prose they hold.
SITE_PAGE_TITLES = re.compile(
    r"^\s*(about( us)?|contact( us)?|privacy( policy)?|terms( of (use|service))?|(medical )?disclaimer"
    r"|cookie( policy)?|accessibility|editorial (policy|process)|advertising policy|site ?map)\b", re.I)
HOME_PATHS = re.compile(r"^/?(index\.(html?|php|aspx?))?$", re.I)
# Only dates stated in the page's metadata or markup, never guessed from free text ("© 2026").
DATE_PARAMS = {"extensive_search": False, "original_date": True}
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
BLOCK_KINDS = {"head": "heading", "p": "paragraph", "item": "list-item", "quote": "paragraph",
               "cell": "paragraph"}


def parse_html(page: str | bytes, url: str) -> lxml_html.HtmlElement | None:
    """The lxml tree of a page, or None (logged) when it cannot be parsed."""
    if isinstance(page, str):
        # lxml refuses decoded text that still declares an encoding (XHTML pages do).
        page = XML_DECLARATION.sub("", page, count=1)
    try:
        return lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError) as exc:
        logger.info("%s: not extracted: unparseable HTML (%s)", url, exc)
        return None


def extract_article(page: str | bytes | lxml_html.HtmlElement, url: str,
                    favor_precision: bool = False) -> Article | None:
    """The article a reader sees on `page`, or None (logged with the reason) when it holds none.

    `page` may be an already parsed tree; trafilatura works on a copy of it.
    """
    tree = page if isinstance(page, lxml_html.HtmlElement) else parse_html(page, url)
    if tree is None:
        return None
    meta = page_metadata(tree)
    # trafilatura deletes <time> elements with their text ("Published <time>May 2</time>"
    # would read "Published"); unwrapped, the dates a reader sees stay in the article text.
    etree.strip_tags(tree, "time")
    # trafilatura's own metadata pass is the last fallback (and ~15% of extraction time).
    fallback = not all(meta.get(k) for k in ("title", "author", "published"))
    xml = _main_text_xml(tree, url, favor_precision, fallback)
    if not xml:
        logger.info("%s: not extracted: no main text found", url)
        return None
    doc = etree.fromstring(xml.encode("utf-8"))
    text, blocks, links = _flatten(doc.find("main"), url)
    words = len(text.split())
    link_chars = sum(link.end - link.start for link in links)
    if words < MIN_ARTICLE_WORDS:
        logger.info("%s: not an article: %d words", url, words)
        return None
    if link_chars > MAX_LINK_SHARE * len(text):
        logger.info("%s: not an article: mostly links (a listing page)", url)
        return None
    title = meta.get("title") or doc.get("title") or _first_heading(text, blocks)
    reason = _site_page_reason(url, title or "")
    if reason:
        logger.info("%s: not an article: %s", url, reason)
        return None
    article = Article(
        url=url, text=text, blocks=blocks, links=links, title=title,
        author=meta.get("author") or _clean_author(doc.get("author")),
        author_credentials=meta.get("author_credentials"),
        reviewed_by=meta.get("reviewed_by"),
        published=meta.get("published") or doc.get("date"),
        modified=meta.get("modified"),
        last_reviewed=meta.get("last_reviewed"),
        citations=meta.get("citations") or _reference_section(text, blocks),
        disclaimer_url=_disclaimer_url(tree, url),
        content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest(),
    )
    return article


def _main_text_xml(tree: lxml_html.HtmlElement, url: str, favor_precision: bool,
                   with_metadata: bool) -> str | None:
    """trafilatura.extract(output_format="xml") without the content fingerprint it computes for
    every XML document (a tenth of extraction time), which nothing here reads."""
    options = Extractor(output_format="xml", links=True, comments=False, tables=True,
                        precision=favor_precision, url=url, with_metadata=with_metadata,
                        date_params=DATE_PARAMS)
    document = bare_extraction(tree, options=options)
    if not isinstance(document, Document):
        return None
    return determine_returnstring(document, options)


def _site_page_reason(url: str, title: str) -> str | None:
    """Why a page with enough prose is still not an article (home page, site policy page)."""
    if HOME_PATHS.match(urlsplit(url).path):
        return "the site's home page"
    if SITE_PAGE_TITLES.match(title):
        return f"a site page ({title.strip()[:40]!r})"
    return None


def _flatten(main: etree._Element | None, base_url: str) -> tuple[str, list[Block], list[Link]]:
    """Plain text with blocks separated by blank lines, keeping block and link offsets."""
    parts: list[str] = []
    blocks: list[Block] = []
    links: list[Link] = []
    pos = 0
    for el in main.iter() if main is not None else ():
        kind = BLOCK_KINDS.get(el.tag)
        if kind is None or (el.tag == "p" and el.getparent() is not None
                            and el.getparent().tag in ("item", "quote", "cell")):
            continue
        piece, piece_links = _inline_text(el)
        piece = piece.strip()
        if not piece:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        blocks.append(Block(kind, pos, pos + len(piece)))
        offset = pos
        for href, anchor, start in piece_links:
            at = piece.find(anchor, max(start - 1, 0)) if anchor else -1
            if at >= 0:
                links.append(Link(urljoin(base_url, href), anchor, offset + at, offset + at + len(anchor)))
        parts.append(piece)
        pos += len(piece)
    return "".join(parts), blocks, links


def _inline_text(el: etree._Element) -> tuple[str, list[tuple[str, str, int]]]:
    """Text of a block element (without nested blocks), with its refs' positions."""
    out: list[str] = [el.text or ""]
    refs: list[tuple[str, str, int]] = []
    for child in el:
        if child.tag in ("item", "list") and el.tag != "item":
            out.append(child.tail or "")
            continue
        start = len(re.sub(r"\s+", " ", "".join(out)).lstrip())
        inner = re.sub(r"\s+", " ", "".join(child.itertext()))
        if child.tag == "ref" and child.get("target"):
            refs.append((child.get("target"), inner.strip(), start))
        out.append(inner)
        out.append(child.tail or "")
    return re.sub(r"\s+", " ", "".join(out)), refs


def _first_heading(text: str, blocks: list[Block]) -> str | None:
    for block in blocks:
        if block.kind == "heading":
            return text[block.start:block.end]
    return None


def _clean_author(author: str | None) -> str | None:
    return author.replace("; ", ", ") if author else None


def _reference_section(text: str, blocks: list[Block]) -> list[str]:
    """Entries under a References/Sources heading, when the article has one."""
    entries: list[str] = []
    inside = False
    for block in blocks:
        piece = text[block.start:block.end]
        if block.kind == "heading":
            inside = bool(REFERENCE_HEADINGS.match(piece))
        elif inside:
            entries.append(piece)
    return entries


def _disclaimer_url(tree: lxml_html.HtmlElement, base_url: str) -> str | None:
    for anchor in tree.iter("a"):
        label = " ".join(anchor.text_content().split())
        href = anchor.get("href")
        if href and len(label) < 40 and DISCLAIMER_LINK.search(label):
            return urljoin(base_url, href)
    return None


def extract_text_only(page: str | bytes, url: str) -> str:
    """All readable text of a page (used for a site's disclaimer page, which is short)."""
    text = trafilatura.extract(page, url=url, favor_recall=True) or ""
    return text.strip()
