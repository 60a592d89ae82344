"""A nightly run stopped part-way (a job scheduler's timeout sends SIGTERM) keeps what it stored."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

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
