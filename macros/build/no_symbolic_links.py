"""Nothing outside the project is published: a symbolic link in docs/ (or in the theme
overrides) would copy its target, say a system file, into the site. The build refuses any,
naming the link and never reading its target. data/ is checked by the loader
(macros/model/data.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.build.state import Build
from macros.model.validation import symbolic_links


def refuse(build: Build, config: MkDocsConfig) -> None:
    project = Path(config.config_file_path).parent
    folders = [Path(config.docs_dir), Path(config.theme.custom_dir or project / "overrides")]
    links = [problem for folder in folders for problem in symbolic_links(folder, project)]
    if links:
        raise PluginError("\n".join(str(problem) for problem in links))
