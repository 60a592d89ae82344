"""The store pipeline and the extraction shortcut it relies on: batched writes, same XML."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import trafilatura

from crawler.extract import DATE_PARAMS, _main_text_xml, parse_html
from crawler.items import DisclaimerItem, PageItem
from crawler.pipelines import BATCH_ITEMS, StorePipeline
from runstore import RunStore
from runstore.records import Page
from tests.builders import make_article
from tests.crawler.hostile_site import article, latin1_page


@pytest.mark.parametrize("html", [article("a1", 1), article("a2", 2, extra="<table><tr><td>x</td></tr></table>"),
                                  latin1_page("l1"), "<html><body><p>short</p></body></html>"])
@pytest.mark.parametrize("with_metadata", [False, True])
def test_extract_main_text_xml_matches_trafilatura_extract(html: str, with_metadata: bool) -> None:
    url = "http://site.test/a.html"
    expected = trafilatura.extract(parse_html(html, url), url=url, output_format="xml",
                                   include_links=True, include_comments=False, include_tables=True,
                                   with_metadata=with_metadata, date_extraction_params=DATE_PARAMS)
    got = _main_text_xml(parse_html(html, url), url, False, with_metadata)
    without_fingerprint = re.compile(r' fingerprint="[^"]*"')
    assert (got and without_fingerprint.sub("", got)) == (expected and without_fingerprint.sub("", expected))


def _pipeline(tmp_path: Path) -> tuple[StorePipeline, RunStore, str]:
    store = RunStore(tmp_path / "run.db")
    run_id = store.start_run(["http://site.test/"], {})
    return StorePipeline(str(tmp_path / "run.db"), run_id), store, run_id


def test_store_pipeline_commits_every_batch_and_on_close(tmp_path: Path) -> None:
    pipeline, reader, run_id = _pipeline(tmp_path)
    for n in range(BATCH_ITEMS + 1):
        pipeline.process_item(PageItem(Page(url=f"http://site.test/{n}.html")))
    assert len(reader.pages(run_id)) == BATCH_ITEMS  # a crawl killed now keeps these
    pipeline.close_spider()
    assert len(reader.pages(run_id)) == BATCH_ITEMS + 1


def test_store_pipeline_stores_link_records_and_late_disclaimers(tmp_path: Path) -> None:
    pipeline, reader, run_id = _pipeline(tmp_path)
    page = Page(url="http://site.test/a.html")
    offsite = Page(url="http://elsewhere.test/", outcome="offsite", referrer=page.url)
    art = make_article(page.url)
    art.disclaimer_url = "http://site.test/disclaimer.html"
    pipeline.process_item(PageItem(page, art, links=[["http://site.test/b.html", "B", False]],
                                   link_records=[offsite]))
    pipeline.process_item(DisclaimerItem(art.disclaimer_url, "Not medical advice."))
    pipeline.close_spider()
    assert {p.url: p.referrer for p in reader.pages(run_id)} == {page.url: None, offsite.url: page.url}
    assert reader.article(run_id, page.url).site_disclaimer == "Not medical advice."
