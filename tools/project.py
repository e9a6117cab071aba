"""What the project is made of, to copy it and build the copy elsewhere (tests, benchmark)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Everything `mkdocs build` reads.
PROJECT = ("mkdocs.yml", "docs", "data", "macros", "hooks", "overrides")


def copy_project(target: Path) -> Path:
    """Copy the project into `target` (created if needed) and return it."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def copy_environment(**environment: str) -> dict[str, str]:
    """The environment a copy runs in: a copy has no git history (so no page dates), it is built
    without the trainers' kit (PDFs and zips, as long again as the site: tests/test_trainers_kit.py
    and tests/test_integrity.py check it on the real site), and messages are in English, unless
    `environment` says otherwise."""
    import os

    defaults = {
        "NO_MKDOCS_2_WARNING": "1",
        "PAGE_DATES": "off",
        "MUTUALISER_KIT": "0",
        "LC_ALL": "C.UTF-8",
    }
    return {**os.environ, **defaults, **environment}


def run_in_copy(project: Path, *arguments: str, **environment: str):
    """`python <arguments>` in a copy of the project, as CI would run it there."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        env=copy_environment(**environment),
        check=False,
    )
