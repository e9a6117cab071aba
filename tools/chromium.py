"""The system Chromium, and how to start it here: one place for the tests, the budget and the
audit.

Where it is: $CHROME_PATH or $CHROMIUM, else the usual Debian/Ubuntu/GitHub runner names. We
never download a browser build: `make browser` installs Debian's chromium package instead.
Run as a script, prints the path or exits 1.
"""

from __future__ import annotations

import os
import shutil
import sys

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Headless in a closed network: without the background-networking flags Chromium keeps trying
# to reach Google's hosts.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    for variable in ("CHROME_PATH", "CHROMIUM"):
        if os.environ.get(variable):
            return os.environ[variable]
    return next((path for name in CANDIDATES if (path := shutil.which(name))), None)


def launch(playwright):
    """Chromium started headless the way this project always starts it (tests, budget)."""
    executable = find_chromium()
    if not executable:
        raise SystemExit("No Chromium: run `make browser` (Debian's package), or set CHROMIUM")
    return playwright.chromium.launch(executable_path=executable, args=FLAGS)


def arrive(page, url: str) -> None:
    """Open `url` in `page` once it has loaded and its network is idle (`settle`)."""
    page.goto(url, wait_until="load")
    settle(page)


def settle(page) -> None:
    """Wait until the page in `page` has loaded (its deferred scripts have run) and its network
    has been idle for half a second.

    Playwright's "networkidle" alone does not wait for the load event: on a busy machine the
    browser can take more than half a second to parse a page after its files have come, and
    the test then reads the page before its scripts run (CI saw a filter read empty before
    filters.js had set it from the address)."""
    page.wait_for_load_state("load")
    page.wait_for_load_state("networkidle")


if __name__ == "__main__":
    path = find_chromium()
    print(path or "no Chromium found")
    sys.exit(0 if path else 1)
