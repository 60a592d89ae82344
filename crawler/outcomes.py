"""One-line reasons for failed fetches, as the reports show them."""
from __future__ import annotations

import re
from typing import Any

from scrapy.exceptions import DownloadCancelledError, IgnoreRequest

MAXSIZE = re.compile(r"larger than download max size \((\d+)\)")


def failure_outcome(failure: Any, max_bytes: int) -> tuple[str, str]:
    """(outcome, reason) for a request that ended in an errback."""
    message = " ".join(str(failure.getErrorMessage()).split())
    if failure.check(IgnoreRequest) and "robots.txt" in message:
        return "disallowed", "forbidden by robots.txt; not requested"
    if MAXSIZE.search(message) or failure.check(DownloadCancelledError):
        # Scrapy stops reading at the cap, so a huge page never sits in memory whole.
        return "failed", f"response larger than {max_bytes:,} bytes (max_page_bytes); abandoned"
    name = failure.type.__name__ if failure.type else "Error"
    if "timeout" in name.lower() or "took longer than" in message:
        return "failed", f"timed out: {message}"[:300]
    return "failed", f"{name}: {message}"[:300]
