"""The site data as the build sees it: loaded once, shared by the macros and the hooks.

mkdocs-static-i18n runs a whole build per language, so `define_env` and every hook run once per
language: the data is loaded the first time and kept while no file in data/ changes (edits under
`mkdocs serve` are picked up). Invalid data stops the build before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import messages
from .data import DataError, load_site_data
from .records import SiteData

_cache: dict[Path, tuple[tuple, SiteData]] = {}


def site_data(project_dir: Path | str) -> SiteData:
    """The validated data in `project_dir`/data; a PluginError listing every problem if invalid."""
    data_dir = (Path(project_dir) / "data").resolve()
    signature = _signature(data_dir)
    cached = _cache.get(data_dir)
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
    """Every file's path, size and modification time: changes when any data file does."""
    if not data_dir.is_dir():
        return ()
    return tuple(
        (str(path), stat.st_size, stat.st_mtime_ns)
        for path in sorted(data_dir.rglob("*"))
        if path.is_file() and (stat := path.stat())
    )
