"""Retries with backoff: 5xx and 429 answers wait before the retry, honouring Retry-After."""
from __future__ import annotations

import asyncio
import email.utils
import logging
from datetime import datetime, timezone
from typing import Any

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response

logger = logging.getLogger(__name__)


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware (switched off by RETRY_ENABLED), but a retry waits: Retry-After when the
    server gives one (capped by HEALTHAUDIT_MAX_WAIT), else backoff * 2**(retries so far)."""

    def __init__(self, settings: Any):
        super().__init__(settings)
        self.backoff = settings.getfloat("HEALTHAUDIT_RETRY_BACKOFF", 1.0)
        self.max_wait = settings.getfloat("HEALTHAUDIT_MAX_WAIT", 60.0)

    async def process_response(self, request: Request, response: Response,
                               spider: Any = None) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        wait = self.wait_before_retry(request, response)
        if request.meta.get("retry_times", 0) < request.meta.get("max_retry_times", self.max_retry_times):
            logger.info("%s: HTTP %d, retrying in %.1f s", request.url, response.status, wait)
            await asyncio.sleep(wait)
        retry = self._retry(request, f"HTTP {response.status}")
        return retry or response

    async def process_exception(self, request: Request, exception: Exception,
                                spider: Any = None) -> Request | Response | None:
        if (isinstance(exception, self.exceptions_to_retry) and not request.meta.get("dont_retry")
                and request.meta.get("retry_times", 0) < request.meta.get("max_retry_times", self.max_retry_times)):
            await asyncio.sleep(min(self.backoff * 2 ** request.meta.get("retry_times", 0), self.max_wait))
        return super().process_exception(request, exception)

    def wait_before_retry(self, request: Request, response: Response) -> float:
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        if asked is not None:
            return min(asked, self.max_wait)
        return min(self.backoff * 2 ** request.meta.get("retry_times", 0), self.max_wait)


def retry_after_seconds(value: bytes | None) -> float | None:
    """Seconds asked by a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
