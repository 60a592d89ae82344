"""Crawl speed and memory: healthaudit's crawler against a bare Scrapy+trafilatura spider.

Generates local sites of 2,000 and 10,000 article pages, serves them on 127.0.0.1 and crawls
them with delay 0. Prints pages/s for each crawler, their ratio (target >= 0.9) and the peak RSS
of the healthaudit crawl process at both sizes (target: growth <= 1.3x). Not a timed test.

    .venv/bin/python benchmarks/crawl_speed.py [--small 2000] [--large 10000] [--concurrency 8]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.crawl_site_gen import build_site  # noqa: E402
from demo.server import SiteServer  # noqa: E402


LISTEN_BACKLOG = 128


def measure_healthaudit(base_url: str, db: str, concurrency: int) -> dict[str, float]:
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


def run_healthaudit(base_url: str, workdir: Path, concurrency: int) -> dict[str, float]:
    db = workdir / f"bench-{time.monotonic_ns()}.db"
    out = subprocess.run([sys.executable, __file__, "--measure", base_url, str(db), str(concurrency)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_bare(base_url: str, concurrency: int) -> dict[str, float]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "crawl_bare_spider.py"),
                          base_url + "/", str(concurrency)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["seconds"] = time.perf_counter() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=2000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        sizes = {"small": args.small, "large": args.large}
        results: dict[str, dict[str, float]] = {}
        for name, size in sizes.items():
            site = workdir / name
            build_site(site, size)
            with SiteServer(site) as server:
                # socketserver listens with a backlog of 5; at 8 concurrent connections the
                # kernel drops SYNs and each drop costs a 1 s retransmit, so widen it.
                server.httpd.socket.listen(LISTEN_BACKLOG)
                results[name] = run_healthaudit(server.base_url, workdir, args.concurrency)
                if name == "small":
                    results["bare"] = run_bare(server.base_url, args.concurrency)
        report(results, sizes)


def report(results: dict[str, dict[str, float]], sizes: dict[str, int]) -> None:
    small, large, bare = results["small"], results["large"], results["bare"]
    ours = small["pages"] / small["seconds"]
    theirs = bare["pages"] / bare["seconds"]
    print(f"site of {sizes['small']} articles, delay 0, concurrency per site as given")
    print(f"  healthaudit : {small['pages']} pages ({small['articles']} articles stored) "
          f"in {small['seconds']:.1f} s = {ours:.1f} pages/s")
    print(f"  bare spider : {bare['pages']} pages in {bare['seconds']:.1f} s = {theirs:.1f} pages/s")
    print(f"  ratio healthaudit / bare = {ours / theirs:.2f}x (target >= 0.9x)")
    print("peak RSS of the healthaudit crawl process")
    print(f"  {sizes['small']} articles: {small['peak_rss_mb']:.0f} MB")
    print(f"  {sizes['large']} articles: {large['peak_rss_mb']:.0f} MB "
          f"({large['pages'] / large['seconds']:.1f} pages/s)")
    print(f"  growth = {large['peak_rss_mb'] / small['peak_rss_mb']:.2f}x (target <= 1.3x)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        print(json.dumps(measure_healthaudit(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
    else:
        main()
