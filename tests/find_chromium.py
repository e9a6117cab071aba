"""Where the system Chromium is: $CHROMIUM, else the usual Debian/Ubuntu/GitHub runner names.

We never download a browser build: `make browser` installs Debian's chromium package instead.
Run as a script, prints the path or exits 1.
"""

from __future__ import annotations

import os
import shutil
import sys

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return next((path for name in CANDIDATES if (path := shutil.which(name))), None)


if __name__ == "__main__":
    path = find_chromium()
    print(path or "no Chromium found")
    sys.exit(0 if path else 1)
