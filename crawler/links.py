"""The links of a parsed page: where it points, which links paginate, and its canonical URL."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from crawler.urls import canonical_url

# Links that turn the page of a listing rather than lead somewhere new.
PAGINATION_TEXT = re.compile(r"^\s*(next|previous|prev|older|newer)\b|^\s*\d{1,4}\s*$|[»›«‹]", re.I)
PAGINATION_CLASS = re.compile(r"pagination|pager|paging|page-numbers", re.I)
NON_PAGE_EXTENSIONS = frozenset((
    "pdf doc docx xls xlsx ppt pptx odt ods rtf csv zip gz tgz rar 7z tar jpg jpeg png gif "
    "webp svg bmp ico tif tiff mp3 mp4 m4a wav ogg avi mov wmv webm flv exe dmg apk iso "
    "css js json xml rss atom epub").split())


@dataclass
class PageLink:
    url: str
    text: str
    paginates: bool = False


@dataclass
class PageLinks:
    links: list[PageLink] = field(default_factory=list)
    canonical: str | None = None


def page_links(tree: lxml_html.HtmlElement, page_url: str) -> PageLinks:
    """Followable http(s) links of a page (nofollow and mailto/javascript/tel left out)."""
    base = page_url
    for el in tree.iter("base"):
        if el.get("href"):
            base = urljoin(page_url, el.get("href").strip())
            break
    found = PageLinks()
    seen: set[str] = set()
    for el in tree.iter("a", "area", "link"):
        href = (el.get("href") or "").strip()
        rel = (el.get("rel") or "").lower().split()
        if not href or "nofollow" in rel:
            continue
        url = urljoin(base, href)
        if urlsplit(url).scheme not in ("http", "https"):
            continue
        url = canonical_url(url)
        if el.tag == "link":
            if "canonical" in rel and found.canonical is None:
                found.canonical = url
            if not ("next" in rel or "prev" in rel):
                continue
        if url in seen:
            continue
        seen.add(url)
        text = " ".join(el.text_content().split()) if el.tag != "link" else ""
        found.links.append(PageLink(url, text, _paginates(el, rel, text)))
    return found


def _paginates(el: lxml_html.HtmlElement, rel: list[str], text: str) -> bool:
    if "next" in rel or "prev" in rel:
        return True
    if PAGINATION_TEXT.search(text) and len(text) < 30:
        return True
    parent = el.getparent()
    for _ in range(3):
        if parent is None:
            return False
        if PAGINATION_CLASS.search(parent.get("class") or "") or parent.get("aria-label", "").lower() == "pagination":
            return True
        parent = parent.getparent()
    return False


def non_page_extension(url: str) -> str | None:
    """The extension of a URL that names a document or media file rather than a page."""
    path = urlsplit(url).path
    last = path.rsplit("/", 1)[-1]
    if "." not in last:
        return None
    ext = last.rsplit(".", 1)[-1].lower()
    return ext if ext in NON_PAGE_EXTENSIONS else None
