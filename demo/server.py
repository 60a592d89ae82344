"""A small threaded HTTP server on 127.0.0.1 for a folder of static pages, with a request log."""
from __future__ import annotations

import email.utils
import hashlib
import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

BASE_PLACEHOLDER = b"__BASE_URL__"
DEMO_PORT = 8765
Route = Callable[[BaseHTTPRequestHandler], bool]


class SiteServer:
    """Serves `root` on a free port; `routes` may answer special paths first (tests use them).

    Use as a context manager; `requests` lists (method, path, headers) of everything asked.
    """

    def __init__(self, root: str | Path, routes: dict[str, Route] | None = None,
                 host: str = "127.0.0.1", port: int = 0):
        self.root = Path(root)
        self.routes = routes or {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.httpd = _Server((host, port), self._handler_class())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                server.requests.append(("GET", self.path, dict(self.headers.items())))
                route = server.routes.get(self.path.split("?")[0])
                if route is not None and route(self):
                    return
                server._serve_file(self)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def _serve_file(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?")[0].split("#")[0]
        target = (self.root / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if self.root.resolve() not in target.parents or not target.is_file():
            handler.send_error(404, "Not Found")
            return
        body = target.read_bytes().replace(BASE_PLACEHOLDER, self.base_url.encode())
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(target.stat().st_mtime, usegmt=True)
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.end_headers()
            return
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype.endswith("xml"):
            ctype += "; charset=utf-8"
        handler.send_response(200)
        handler.send_header("Content-Type", ctype)
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("ETag", etag)
        handler.send_header("Last-Modified", modified)
        handler.end_headers()
        handler.wfile.write(body)


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when a crawler opens more at once.
    request_queue_size = 128


def demo_site_root() -> Path:
    return Path(__file__).resolve().parent / "site"
