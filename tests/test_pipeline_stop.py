"""A nightly run stopped part-way (a job scheduler's timeout sends SIGTERM) keeps what it stored."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from benchmarks.crawl_site_gen import build_site
from demo.server import SiteServer, demo_site_root
from runstore import RunStore

ROOT = Path(__file__).resolve().parents[1]
HELD_PAGE = "/treatments/index.html"  # linked from the home page: asked early in every crawl


def test_pipeline_sigterm_stops_the_crawl_and_marks_the_run_interrupted(tmp_path):
    asked, release = threading.Event(), threading.Event()

    def held(handler: BaseHTTPRequestHandler) -> bool:
        asked.set()
        release.wait(60)
        return False  # then served like any other page

    db = tmp_path / "h.db"
    with SiteServer(demo_site_root(), routes={HELD_PAGE: held}) as server:
        run = subprocess.Popen([sys.executable, str(ROOT / "pipeline.py"), "run", server.base_url + "/",
                                "--db", str(db), "--delay", "0"], cwd=tmp_path, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            assert asked.wait(120), "the crawl never asked for the held page"
            run.send_signal(signal.SIGTERM)
        finally:
            release.set()
        stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "healthaudit: interrupted; what was stored is kept"
    assert "Traceback" not in stderr and stdout == ""
    runs = subprocess.run([sys.executable, str(ROOT / "pipeline.py"), "runs", "--db", str(db), "--format", "json"],
                          capture_output=True, text=True, check=True)
    (latest,) = json.loads(runs.stdout)
    assert latest["status"] == "interrupted" and latest["finished"]
    stored = [page.url for page in RunStore(db).pages(latest["id"])]
    assert server.base_url + "/" in stored  # pages fetched before the stop are kept
    with SiteServer(demo_site_root()) as server:  # the next night's run starts afresh and completes
        again = subprocess.run([sys.executable, str(ROOT / "pipeline.py"), "run", server.base_url + "/",
                                "--db", str(db), "--delay", "0", "-q"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"  # exited, waiting to be reaped by init


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_pipeline_killed_run_stops_its_crawl_and_keeps_the_pages(tmp_path):
    """A run killed outright (SIGKILL: an out-of-memory kill, a scheduler's hard timeout) cannot
    stop its crawl process; the crawl notices it is orphaned and stops within seconds, finishing
    only the request its downloader holds (one at a time here, 0.2 s apart)."""
    site = tmp_path / "site"
    build_site(site, 300)  # at 0.2 s a request, a whole crawl would take more than a minute
    db = tmp_path / "h.db"
    with SiteServer(site) as server:
        run = subprocess.Popen([sys.executable, str(ROOT / "pipeline.py"), "run", server.base_url + "/",
                                "--db", str(db), "--delay", "0.2", "--concurrency", "1"], cwd=tmp_path,
                               text=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while len(server.requests) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        (crawl,) = _children(run.pid)
        run.send_signal(signal.SIGKILL)
        run.wait(10)
        killed_at, asked_then = time.monotonic(), len(server.requests)
        while not _gone(crawl) and time.monotonic() - killed_at < 60:
            time.sleep(0.2)
        assert _gone(crawl), "the crawl process kept running after its run was killed"
        asked = len(server.requests)
    assert asked - asked_then <= 8, (asked_then, asked)  # about a second's worth, not the site's 300 articles
    (latest,) = RunStore(db).runs()
    stored = {page.url for page in RunStore(db).pages(latest["id"])}
    assert server.base_url + "/" in stored and len(stored) >= asked_then - 2  # what was fetched is kept
