"""Crawl speed and memory: healthaudit's crawler against a bare Scrapy+trafilatura spider.

Generates local sites of 2,000 and 10,000 article pages, serves them on 127.0.0.1 and crawls
them with delay 0 and the same concurrency for both crawlers. On the small site each crawler
first runs once unmeasured (warm-up: disk cache, imports), then three times each, interleaved
and alternating which goes first, so load from other jobs on the machine falls on both. Prints
the median pages/s of each, their ratio (target >= 0.9) and the peak RSS of the healthaudit
crawl process at both sizes (target: growth <= 1.3x). Not a timed test.

    .venv/bin/python benchmarks/crawl_speed.py [--small 2000] [--large 10000] [--concurrency 8]
        [--runs 3]
"""
from __future__ import annotations

import argparse
import json
import logging
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.crawl_site_gen import build_site  # noqa: E402
from demo.server import SiteServer  # noqa: E402

logger = logging.getLogger("crawl_speed")
LISTEN_BACKLOG = 128
Result = dict[str, float]


def measure_healthaudit(base_url: str, db: str, concurrency: int) -> Result:
    """Run in a child of its own, so RUSAGE_CHILDREN is the crawl process alone."""
    from crawler.run import crawl_site
    from runstore import RunStore
    from runstore.settings import defaults

    config = defaults()["crawl"]
    config.update(start_urls=[base_url + "/"], delay=0.0, concurrency=concurrency,
                  max_pages=1_000_000, max_pagination=1000)
    store = RunStore(db)
    run_id = store.start_run(config["start_urls"], config)
    started = time.perf_counter()
    crawl_site(config, db, run_id, {})
    elapsed = time.perf_counter() - started
    pages = [p for p in store.pages(run_id) if p.status == 200]
    return {"seconds": elapsed, "pages": len(pages), "articles": len(store.articles(run_id)),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def run_healthaudit(base_url: str, workdir: Path, concurrency: int) -> Result:
    """One crawl by healthaudit's crawl process (timed from its start, as the bare one is)."""
    db = workdir / f"bench-{time.monotonic_ns()}.db"
    out = subprocess.run([sys.executable, __file__, "--measure", base_url, str(db), str(concurrency)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    db.unlink()
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_bare(base_url: str, concurrency: int) -> Result:
    """One crawl by the bare spider, timed from its process start."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "crawl_bare_spider.py"),
                          base_url + "/", str(concurrency)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["seconds"] = time.perf_counter() - started
    return result


def compare_on_small_site(base_url: str, workdir: Path, concurrency: int,
                          runs: int) -> dict[str, list[Result]]:
    """Warm-up, then `runs` crawls of each crawler, interleaved, alternating the order."""
    crawlers: dict[str, Callable[[], Result]] = {
        "healthaudit": lambda: run_healthaudit(base_url, workdir, concurrency),
        "bare": lambda: run_bare(base_url, concurrency),
    }
    for crawl in crawlers.values():
        crawl()
    results: dict[str, list[Result]] = {name: [] for name in crawlers}
    for n in range(runs):
        order = list(crawlers) if n % 2 == 0 else list(reversed(crawlers))
        for name in order:
            results[name].append(crawlers[name]())
            logger.info("run %d %s: %.1f pages/s", n + 1, name, _rate(results[name][-1]))
    return results


def serve(site: Path) -> SiteServer:
    server = SiteServer(site)
    # socketserver listens with a backlog of 5; at 8 concurrent connections the kernel drops
    # SYNs and each drop costs a 1 s retransmit, so widen it.
    server.httpd.socket.listen(LISTEN_BACKLOG)
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=2000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        build_site(workdir / "small", args.small)
        with serve(workdir / "small") as server:
            small = compare_on_small_site(server.base_url, workdir, args.concurrency, args.runs)
        build_site(workdir / "large", args.large)
        with serve(workdir / "large") as server:
            large = run_healthaudit(server.base_url, workdir, args.concurrency)
    report(small, large, args)


def _rate(result: Result) -> float:
    return result["pages"] / result["seconds"]


def report(small: dict[str, list[Result]], large: Result, args: argparse.Namespace) -> None:
    ours, bare = small["healthaudit"], small["bare"]
    ours_rate = statistics.median(_rate(r) for r in ours)
    bare_rate = statistics.median(_rate(r) for r in bare)
    small_rss = statistics.median(r["peak_rss_mb"] for r in ours)
    print(f"site of {args.small} articles, delay 0, concurrency {args.concurrency} per site for both; "
          f"median of {len(ours)} interleaved runs after a warm-up")
    print(f"  healthaudit : {ours[0]['pages']:.0f} pages ({ours[0]['articles']:.0f} articles stored), "
          f"runs {', '.join(f'{_rate(r):.1f}' for r in ours)} = {ours_rate:.1f} pages/s")
    print(f"  bare spider : {bare[0]['pages']:.0f} pages ({bare[0]['articles']:.0f} with text), "
          f"runs {', '.join(f'{_rate(r):.1f}' for r in bare)} = {bare_rate:.1f} pages/s")
    print(f"  ratio healthaudit / bare = {ours_rate / bare_rate:.2f}x (target >= 0.9x)")
    print("peak RSS of the healthaudit crawl process")
    print(f"  {args.small} articles: {small_rss:.0f} MB (median)")
    print(f"  {args.large} articles: {large['peak_rss_mb']:.0f} MB "
          f"({large['pages']:.0f} pages at {_rate(large):.1f} pages/s)")
    print(f"  growth = {large['peak_rss_mb'] / small_rss:.2f}x (target <= 1.3x)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        print(json.dumps(measure_healthaudit(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
    else:
        main()
