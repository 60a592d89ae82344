"""Article metadata from JSON-LD (schema.org) first, then meta tags."""
from __future__ import annotations

import json
import logging
from typing import Any

from lxml import html as lxml_html

logger = logging.getLogger(__name__)

ARTICLE_TYPES = {"article", "newsarticle", "medicalwebpage", "blogposting", "webpage",
                 "healthtopiccontent", "medicalscholarlyarticle", "scholarlyarticle", "report"}

META_FIELDS = {
    "author": ("author", "article:author", "dc.creator", "citation_author", "parsely-author"),
    "published": ("article:published_time", "datepublished", "date", "dc.date",
                  "citation_publication_date", "pubdate", "og:published_time"),
    "modified": ("article:modified_time", "og:updated_time", "datemodified", "last-modified"),
    "title": ("og:title", "twitter:title", "citation_title"),
}


def page_metadata(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    """Merge JSON-LD and meta-tag metadata; JSON-LD wins where both speak."""
    meta = _meta_tags(tree)
    meta.update({k: v for k, v in _json_ld(tree).items() if v})
    return meta


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    tags: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in tags:
            tags[key] = value
    found: dict[str, Any] = {}
    for field, keys in META_FIELDS.items():
        for key in keys:
            if tags.get(key) and not tags[key].startswith("http"):
                found[field] = tags[key]
                break
    return found


def _json_ld(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    for node in _ld_nodes(tree):
        types = node.get("@type") or []
        types = [types] if isinstance(types, str) else types
        if not any(str(t).lower() in ARTICLE_TYPES for t in types):
            continue
        author, credentials = _person(node.get("author"))
        reviewer, reviewer_credentials = _person(node.get("reviewedBy"))
        citations = node.get("citation") or []
        citations = citations if isinstance(citations, list) else [citations]
        return {
            "title": node.get("headline") or node.get("name"),
            "author": author, "author_credentials": credentials,
            "reviewed_by": ", ".join(x for x in (reviewer, reviewer_credentials) if x) or None,
            "published": _text(node.get("datePublished")),
            "modified": _text(node.get("dateModified")),
            "last_reviewed": _text(node.get("lastReviewed")),
            "citations": [c if isinstance(c, str) else (c.get("name") or c.get("url") or "")
                          for c in citations if c],
        }
    return {}


def _ld_nodes(tree: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except json.JSONDecodeError as exc:
            logger.info("unreadable JSON-LD block skipped: %s", exc)
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                nodes.append(item)
                stack.extend(item.get("@graph") or [])
            elif isinstance(item, list):
                stack.extend(item)
    return nodes


def _person(value: Any) -> tuple[str | None, str | None]:
    """(name, credentials) of a schema.org Person/Organization, a list of them, or a string."""
    if isinstance(value, list):
        people = [_person(v) for v in value]
        names = [n for n, _ in people if n]
        creds = [c for _, c in people if c]
        return (", ".join(names) or None, ", ".join(creds) or None)
    if isinstance(value, dict):
        creds = [value.get(k) for k in ("honorificSuffix", "jobTitle", "hasCredential")]
        creds = [c if isinstance(c, str) else _text(c) for c in creds if c]
        return _text(value.get("name")), ", ".join(c for c in creds if c) or None
    return _text(value), None


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() if value else None
