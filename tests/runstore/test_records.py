"""Records: an Article's dict is exactly what dataclasses.asdict would give, and a copy."""
from __future__ import annotations

from dataclasses import asdict

import pytest

from runstore.records import Article, Block, Link, finding_id, normalise_text

ARTICLES = {
    "bare": Article(url="u", text=""),
    "full": Article(url="https://site/a", text="Title\n\nBody [1].", title="Title", author="A. Writer",
                    author_credentials="MD", reviewed_by="B. Editor", published="2024-01-02",
                    modified="2024-02-03", last_reviewed="2024-03-04",
                    blocks=[Block("heading", 0, 5), Block("paragraph", 7, 16)],
                    links=[Link("https://doi.org/x", "[1]", 12, 15)], citations=["Smith 2020"],
                    disclaimer_url="https://site/disclaimer", site_disclaimer="Not advice.",
                    content_hash="abc"),
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_records_article_dict_equals_asdict(name: str) -> None:
    article = ARTICLES[name]
    data = article.to_dict()
    assert data == asdict(article)
    assert list(data) == list(asdict(article))
    assert Article.from_dict(data) == article


def test_records_article_dict_is_a_copy() -> None:
    article = ARTICLES["full"]
    data = article.to_dict()
    data["blocks"][0]["kind"] = "changed"
    data["links"].clear()
    data["citations"].append("more")
    assert article.blocks[0].kind == "heading" and article.links and article.citations == ["Smith 2020"]


def test_finding_ids_stay_what_they_were():
    # ids key triage and the nightly diff across runs: the same passage must keep its id (this
    # one was computed before normalise_text changed from a regex to str.split, which splits at
    # the same white space, \s, for every character)
    passage = "  Cures\u00a0 back pain\n\tin days. \u2029"
    assert normalise_text(passage) == "cures back pain in days."
    assert finding_id("claim.unsupported", "https://example.org/a", passage) == "8f72bbe08a8778ce"
