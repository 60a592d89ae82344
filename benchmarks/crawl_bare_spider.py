"""The baseline for crawl_speed.py: a bare Scrapy spider that follows links and runs trafilatura.

Run as `python benchmarks/crawl_bare_spider.py URL [CONCURRENCY]`; prints JSON on stdout:
{"pages": pages fetched with status 200, "articles": pages trafilatura extracted text from}.
"""
from __future__ import annotations

import json
import sys
from typing import Any, Iterator

import scrapy
import trafilatura
from scrapy.crawler import CrawlerProcess


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, start: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.start_urls = [start]
        self.pages = 0
        self.articles = 0

    def parse(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        self.pages += 1  # counted like healthaudit's pages: every 200 answer
        if trafilatura.extract(response.text, url=response.url):
            self.articles += 1
        for href in response.css("a::attr(href)").getall():
            if not href.startswith("http"):
                yield response.follow(href, self.parse)


def main(start: str, concurrency: int) -> None:
    process = CrawlerProcess({
        "LOG_LEVEL": "WARNING", "ROBOTSTXT_OBEY": False, "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False, "CONCURRENT_REQUESTS": max(16, concurrency * 4),
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency, "DOWNLOAD_DELAY": 0,
    })
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, start=start)
    process.start()
    json.dump({"pages": crawler.spider.pages, "articles": crawler.spider.articles}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8)
