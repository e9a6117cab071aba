"""The site data as the build sees it: loaded once, shared by the macros and the hooks.

mkdocs-static-i18n runs a whole build per language, so `define_env` and every hook run once per
language: the data is loaded the first time and kept while no file in data/ changes (edits under
`mkdocs serve` are picked up). Invalid data stops the build before anything is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.model import messages
from macros.model.data import DataError
from macros.model.records import SiteData
from macros.registry import load_site_data

_cache: dict[Path, tuple[tuple, SiteData]] = {}
# Within a build the files are looked at once (hooks/pipeline.py): every hook asks
# for the data on every page, and at 1000 case studies re-checking the folder each time was an
# eighth of the build. Outside a build (tests, tools), every call looks again.
_checked_in_this_build: set[Path] | None = None


def build_started() -> None:
    global _checked_in_this_build
    _checked_in_this_build = set()


def build_ended() -> None:
    global _checked_in_this_build
    _checked_in_this_build = None


def site_data(project_dir: Path | str) -> SiteData:
    """The validated data in `project_dir`/data; a PluginError listing every problem if invalid."""
    data_dir = (Path(project_dir) / "data").resolve()
    cached = _cache.get(data_dir)
    checked = _checked_in_this_build  # None outside a build
    if cached and checked is not None and data_dir in checked:
        return cached[1]
    signature = _signature(data_dir)
    if checked is not None:
        checked.add(data_dir)
    if cached and cached[0] == signature:
        return cached[1]
    try:
        data = load_site_data(data_dir)
    except DataError as error:
        stopped = messages.both("build.invalid_data", count=len(error.problems))
        raise PluginError(f"{stopped}\n{messages.told(error.problems)}") from error
    _cache[data_dir] = (signature, data)
    return data


def _signature(data_dir: Path) -> tuple:
    """Every file's path, size and modification time: changes when any data file does.
    (os.walk, not Path.rglob: asked by every hook, over a thousand files, it must be quick.)"""
    found = []
    for folder, _, names in os.walk(data_dir):
        for name in names:
            stat = os.lstat(os.path.join(folder, name))  # a link is refused by the loader
            found.append((folder, name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))
