"""Articles built from evaluation material: seed text files and labelled sentences."""
from __future__ import annotations

import hashlib

from analysis.structure import infer_blocks
from runstore.records import Article


def article_from_plain_text(text: str, url: str) -> Article:
    """A .txt document: blank lines separate blocks; a short line without end punctuation is a heading."""
    return Article(url=url, text=text, blocks=infer_blocks(text),
                   content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest())


def article_from_sentence(sentence: str, previous: str = "", url: str = "") -> tuple[Article, int]:
    """A two-paragraph article: the sentence before (its context) and the sentence itself;
    returns the article and the offset where the sentence starts."""
    previous = previous.strip()
    text = f"{previous}\n\n{sentence}" if previous else sentence
    start = len(text) - len(sentence)
    blocks = infer_blocks(text)
    for block in blocks:  # an evaluation sentence is prose even when it is short
        if block.start >= start:
            block.kind = "paragraph"
    return Article(url=url, text=text, blocks=blocks), start
