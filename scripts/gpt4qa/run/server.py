"""Serve a built site/ on localhost under a path prefix, as a static host would.

GitHub Pages serves a project site at https://<user>.github.io/<repo>/; serving under a prefix
here is how tests prove that nothing in the site assumes it lives at the root.

    python scripts/docs.py static site --prefix /gpt-4-qa/ --port 8001
"""

from __future__ import annotations

import functools
import gzip
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg")


class PrefixHandler(SimpleHTTPRequestHandler):
    prefix = "/"
    compress = False

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        return super().translate_path("/" + route[len(self.prefix):])

    def send_head(self):  # noqa: ANN201 - mirrors the base class
        if not urlsplit(self.path).path.startswith(self.prefix):
            self.send_error(404, "outside the site's path prefix")
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


def start(site: Path, prefix: str = "/", port: int = 0, compress: bool = False) -> ThreadingHTTPServer:
    """Serve in a background thread; the caller shuts the server down."""
    handler = type("Handler", (PrefixHandler,), {"prefix": prefix, "compress": compress})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
