"""Check every internal link and #anchor of a built site, from the folder alone (no server).

    python tools/linkcheck.py site               # prints `page: link: reason`, exits 1 if any
    python tools/linkcheck.py site --external    # also lists the external links, not fetched
    python tools/linkcheck.py site --fetch       # fetches the external links (weekly workflow)

Internal means relative, root-relative, or absolute under the site URL (the home page's
canonical URL unless --site-url says otherwise). A link to a folder means its index.html, as
on GitHub Pages. Anchors are the `id` attributes (and `<a name>`) of the target page.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

LINK_ATTRIBUTES = {"href", "src", "poster", "data"}
IGNORED_SCHEMES = {"mailto", "tel", "data"}
EXTERNAL_SCHEMES = {"http", "https"}
PLACEHOLDER = "https://site.invalid"  # where relative links are resolved before mapping to files


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    canonical: str | None = None


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        if tag == "link" and values.get("rel") == "canonical":
            self.page.canonical = values.get("href")
        self.page.links += [values[name].strip() for name in LINK_ATTRIBUTES & values.keys()]
        if "srcset" in values:
            self.page.links += [item.split()[0] for item in values["srcset"].split(",") if item]


@dataclass(frozen=True)
class Finding:
    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link}: {self.reason}"


class Site:
    """A built site folder; `site_url` is where it is published."""

    def __init__(self, root: Path, site_url: str | None = None) -> None:
        self.root = root
        self._parsed: dict[str, ParsedPage] = {}
        home = self.parse("index.html") if (root / "index.html").exists() else ParsedPage()
        self.site_url = site_url or home.canonical or ""
        self.prefix = urlsplit(self.site_url).path.rstrip("/") + "/"

    def pages(self) -> list[str]:
        return sorted(path.relative_to(self.root).as_posix() for path in self.root.rglob("*.html"))

    def parse(self, page: str) -> ParsedPage:
        """The ids and links of `page` (a path relative to the root), parsed once."""
        if page not in self._parsed:
            parser = _Parser()
            parser.feed((self.root / page).read_text(encoding="utf-8"))
            self._parsed[page] = parser.page
        return self._parsed[page]

    def is_external(self, url: str) -> bool:
        parts = urlsplit(url)
        internal = self.site_url and url.startswith(self.site_url)
        return parts.scheme in EXTERNAL_SCHEMES and not internal

    def check(self, page: str, link: str) -> str | None:
        """Why `link` on `page` is broken, or None when it is fine (or not ours to check)."""
        if self.site_url and link.startswith(self.site_url):
            link = "/" + link.removeprefix(self.site_url)
        else:
            scheme = urlsplit(link).scheme
            if scheme in IGNORED_SCHEMES or scheme in EXTERNAL_SCHEMES:
                return None
            if scheme:
                return f"unexpected {scheme}: link"
            if link.startswith("/") and not link.startswith(self.prefix):
                return f"outside the site (published under {self.prefix})"
            if link.startswith("/"):
                link = "/" + link.removeprefix(self.prefix)
        url, anchor = urldefrag(urljoin(f"{PLACEHOLDER}/{page}", link))
        target = self.file_for(unquote(urlsplit(url).path))
        if target is None:
            return "no such file"
        if anchor and target.endswith(".html") and unquote(anchor) not in self.parse(target).ids:
            return f"no anchor #{unquote(anchor)} in {target}"
        return None

    def file_for(self, path: str) -> str | None:
        """The file a URL path is served from, as GitHub Pages maps it, or None."""
        relative = PurePosixPath(path.lstrip("/"))
        candidates = [relative / "index.html"] if path.endswith("/") else [relative]
        candidates.append(relative / "index.html")
        for candidate in candidates:
            if (self.root / candidate).is_file():
                return candidate.as_posix()
        return None


def internal_findings(site: Site) -> Iterator[Finding]:
    for page in site.pages():
        for link in dict.fromkeys(site.parse(page).links):  # each distinct link once per page
            if reason := site.check(page, link):
                yield Finding(page, link, reason)


def external_links(site: Site) -> dict[str, list[str]]:
    """Each external URL (without its #anchor) and the pages linking to it."""
    pages_by_url: dict[str, list[str]] = defaultdict(list)
    for page in site.pages():
        for link in dict.fromkeys(site.parse(page).links):
            if site.is_external(link):
                url = urldefrag(link).url
                if page not in pages_by_url[url]:
                    pages_by_url[url].append(page)
    return dict(sorted(pages_by_url.items()))


def fetch_problem(url: str, timeout: float = 20) -> str | None:
    """Why fetching `url` fails, or None. HEAD first, GET when a server refuses HEAD."""
    headers = {"User-Agent": "mutualiser-linkcheck (+https://github.com/)"}
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as error:
            problem = f"HTTP {error.code}"
            if error.code not in {403, 405, 501}:
                return problem
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            return str(getattr(error, "reason", error))
    return problem


def external_findings(site: Site) -> Iterator[Finding]:
    links = external_links(site)
    with ThreadPoolExecutor(max_workers=8) as pool:
        problems = dict(zip(links, pool.map(fetch_problem, links), strict=True))
    for url, pages in links.items():
        if problems[url]:
            yield from (Finding(page, url, problems[url]) for page in pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--site-url", help="where the site is published (default: canonical)")
    parser.add_argument("--external", action="store_true", help="list the external links")
    parser.add_argument("--fetch", action="store_true", help="fetch the external links")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} holds no index.html: build the site first")

    site = Site(args.site, args.site_url)
    findings = list(internal_findings(site))
    if args.fetch:
        findings += external_findings(site)
    for finding in findings:
        print(finding)
    if args.external:
        for url, pages in external_links(site).items():
            print(f"external: {url} ({len(pages)} page{'s' * (len(pages) > 1)})")
    pages = len(site.pages())
    print(f"{pages} pages checked, {len(findings)} broken links", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
