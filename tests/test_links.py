"""Link integrity: every internal link and #anchor of the built site resolves, in both languages.

tools/linkcheck.py reads the built folder (no server) and prints `page: link: reason`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from tools.serve_like_pages import serving

LINKCHECK = ROOT / "tools" / "linkcheck.py"


def linkcheck(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, LINKCHECK, folder, *options]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def write_site(folder: Path, pages: dict[str, str]) -> Path:
    for path, body in pages.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(f"<!doctype html><html><body>{body}</body></html>", "utf-8")
    return folder


def test_the_built_site_has_no_broken_link_in_either_language(site):
    result = linkcheck(site.root)
    assert (result.returncode, result.stdout) == (0, "")
    assert site.pages("en"), "the English pages were checked too"


@pytest.fixture
def broken_site(tmp_path):
    return write_site(
        tmp_path,
        {
            "index.html": """<link rel="canonical" href="https://example.org/kb/">
                <a href="guide/">guide</a> <a href="https://example.org/kb/guide/#why">abs</a>
                <a href="https://elsewhere.invalid/page">an external link</a>""",
            "guide/index.html": """<h2 id="why">Why</h2>
                <a href="../">home</a> <a href="#why">here</a> <a href="../cas/">cases</a>
                <a href="../#nowhere">home, missing anchor</a> <img src="missing.png" alt="">
                <a href="/kb/guide/">root-relative</a> <a href="/other/">outside</a>""",
        },
    )


def test_it_reports_each_missing_page_and_anchor_and_fails(broken_site):
    result = linkcheck(broken_site)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "guide/index.html: ../cas/: no such file",
        "guide/index.html: ../#nowhere: no anchor #nowhere in index.html",
        "guide/index.html: missing.png: no such file",
        "guide/index.html: /other/: outside the site (published under /kb/)",
    ]


def test_it_lists_external_links_without_fetching_them(broken_site):
    result = linkcheck(broken_site, "--external")
    assert "external: https://elsewhere.invalid/page (1 page)" in result.stdout.splitlines()
    assert "elsewhere.invalid/page:" not in result.stdout  # listed, not reported as broken


def test_with_fetch_it_reports_external_links_that_fail(tmp_path):
    served = write_site(tmp_path / "elsewhere", {"exists.html": "here"})
    with serving(served) as url:
        elsewhere = url.rstrip("/")
        checked = write_site(
            tmp_path / "site",
            {"index.html": f'<a href="{elsewhere}/exists.html">ok</a> <a href="{elsewhere}/gone">'},
        )
        result = linkcheck(checked, "--fetch")
    assert result.stdout.splitlines() == [f"index.html: {elsewhere}/gone: HTTP 404"]
    assert result.returncode == 1
