"""Documents for `check`: plain text, Markdown and HTML files become Articles."""
from __future__ import annotations

import pytest

from crawler.files import DocumentError, article_from_markdown, article_from_text, document_paths, read_document

SEED_LIKE = ("More>Health>Recovery\n\nMigraine Surgery: A Modern Solution\n\n"
             "Surgery relieves pain. It works well.\n\nHow It Works\n\nMore text here.\n\n"
             "DrunkForYou2025-09-11 12:43:14\nComments (0)\n")


def test_files_text_keeps_the_input_as_the_text_and_finds_headings():
    article = article_from_text(SEED_LIKE, "a.txt")
    assert article.text == SEED_LIKE
    kinds = [(b.kind, SEED_LIKE[b.start:b.end]) for b in article.blocks]
    assert ("heading", "How It Works") in kinds
    assert ("paragraph", "Surgery relieves pain. It works well.") in kinds
    assert article.title == "Migraine Surgery: A Modern Solution"


@pytest.mark.parametrize("byline, author, published", [
    ("DrunkForYou2025-09-11 12:43:14", "DrunkForYou", "2025-09-11"),
    ("By Jane Roe, MD", "Jane Roe, MD", None),
    ("Posted 2026-03-01", None, "2026-03-01"),
    ("Last updated: 2026-03-01", None, "2026-03-01"),
])
def test_files_text_byline_gives_author_and_date(byline, author, published):
    article = article_from_text(f"Title Here Now\n\nSome paragraph of text.\n\n{byline}\n", "a.txt")
    assert (article.author, article.published) == (author, published)


def test_files_markdown_drops_marks_and_keeps_links_with_offsets():
    article = article_from_markdown("# Knee pain\n\nSee **this** [trial](https://x.org/t) now.\n\n- one\n- two\n", "a.md")
    assert article.text == "Knee pain\n\nSee this trial now.\n\none\n\ntwo"
    link = article.links[0]
    assert article.text[link.start:link.end] == "trial" and link.href == "https://x.org/t"
    assert [b.kind for b in article.blocks] == ["heading", "paragraph", "list-item", "list-item"]


def test_files_directories_expand_to_their_documents(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("y")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    assert [p.rsplit("/", 1)[1] for p in document_paths([str(tmp_path)])] == ["a.txt", "b.md"]


def test_files_missing_path_is_a_document_error(tmp_path):
    with pytest.raises(DocumentError, match="no such file or directory"):
        list(document_paths([str(tmp_path / "absent.txt")]))


def test_files_undecodable_text_is_read_without_crashing(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 remedies cure colds.".encode("latin-1"))
    article = read_document(str(path))
    assert article is not None and "remedies cure colds" in article.text
