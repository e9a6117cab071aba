"""Serve a built site the way GitHub Pages does, for audits that measure what readers get.

    python tools/serve_like_pages.py site [--port 8001] [--base /mutualiser/]

Like Pages: text is gzipped when the browser accepts it, every response says
`Cache-Control: max-age=600` with `Last-Modified` and `ETag` (so revalidation gets 304), a folder
without its slash is redirected (301) to it, and a missing file gets the site's 404.html.
With `base`, the site is served under that path, as a Pages project site is
(https://<owner>.github.io/<repository>/), and nothing outside it exists.
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import hashlib
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

CACHE_CONTROL = "max-age=600"
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "xml")


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as Pages (which also speaks HTTP/2)
    base = "/"  # the path the site is published under

    def log_message(self, *args) -> None:  # audits make many requests: keep the output readable
        pass

    def send_head(self):
        root = Path(self.directory)
        url_path = unquote(urlsplit(self.path).path)
        inside = url_path.startswith(self.base) or url_path + "/" == self.base
        # Outside the base path nothing is published: a path no file can have gets the 404 page.
        target = root / url_path[len(self.base) :] if inside else root / "404.html" / "outside"
        if target.is_dir() and not url_path.endswith("/"):
            self.send_response(301)
            self.send_header("Location", url_path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if target.is_dir():
            target = target / "index.html"
        status = 200
        if not target.is_file() or root.resolve() not in target.resolve().parents:
            status, target = 404, root / "404.html"
            if not target.is_file():  # a site without its own 404 page
                self.send_error(404)
                return None
        body = target.read_bytes()
        content_type = self.guess_type(str(target))
        etag = '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.end_headers()
            return None

        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if content_type.startswith(COMPRESSIBLE) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        ):
            body = gzip.compress(body, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("ETag", etag)
        modified = target.stat().st_mtime
        self.send_header("Last-Modified", email.utils.formatdate(modified, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def guess_type(self, path) -> str:
        kind = super().guess_type(path)
        return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind


class SharedPortServer(http.server.ThreadingHTTPServer):
    # Several processes may serve the same folder on the same port (the test workers share one
    # build, whose absolute addresses name that port): the system hands each connection to one.
    allow_reuse_port = True


def pages_server(
    site: Path, port: int = 0, base: str = "/", shared: bool = False
) -> http.server.ThreadingHTTPServer:
    """A server for `site` on 127.0.0.1 (port 0: any free port), publishing it under `base`;
    `shared`: other processes may serve the same site on the same port."""
    base = f"/{base.strip('/')}/".replace("//", "/")
    handler_class = type("Handler", (PagesHandler,), {"base": base})
    handler = functools.partial(handler_class, directory=str(site))
    server_class = SharedPortServer if shared else http.server.ThreadingHTTPServer
    return server_class(("127.0.0.1", port), handler)


@contextmanager
def serving(site: Path, port: int = 0, base: str = "/", shared: bool = False) -> Iterator[str]:
    """Serve `site` in a background thread; yields its URL, ending with `base`."""
    with pages_server(site, port, base, shared) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}{server.RequestHandlerClass.func.base}"
        finally:
            server.shutdown()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--base", default="/", help="the path the site is published under")
    args = parser.parse_args(argv)
    with pages_server(args.site, args.port, args.base) as server:
        print(f"Serving {args.site} like GitHub Pages at http://127.0.0.1:{args.port}{args.base}")
        server.serve_forever()


if __name__ == "__main__":
    main()
