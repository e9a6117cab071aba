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


def run_in_copy(project: Path, *arguments: str, **environment: str):
    """`python <arguments>` in a copy of the project, as CI would run it there. A copy has no git
    history (so no page dates) and messages are in English unless `environment` says otherwise."""
    import os
    import subprocess
    import sys

    defaults = {"NO_MKDOCS_2_WARNING": "1", "PAGE_DATES": "off", "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, **defaults, **environment},
        check=False,
    )
