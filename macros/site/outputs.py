"""The folders at the root of the built site that are not pages, each declared once.

The build (hooks/pipeline.py) writes them, the offline copy (macros/kit/offline_copy.py) takes
or leaves each as said here, `make serve`'s quicker rebuild skips those a whole-site build
makes, and no short link (data/short-links.yml) may take one's name: its redirect page would
land inside it. The languages' own roots ("en/") are pages, not outputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from macros.site.paths import KIT_FOLDER, OPEN_DATA_FOLDER, SEARCH_FOLDER

# What the offline copy of a language does with a folder: take all of it (both languages' pages
# use it), take only that language's part, or leave it out (it cannot work from disk).
Offline = Literal["all", "language", "none"]


@dataclass(frozen=True)
class Output:
    folder: str
    made_by: str  # the build step (macros/build/<made_by>.py), or "theme" for MkDocs itself
    offline: Offline
    whole_site: bool  # made by a whole-site build only, never by make serve's quicker rebuild


OUTPUTS: tuple[Output, ...] = (
    Output("assets", made_by="theme", offline="all", whole_site=False),
    # Material's own index: mkdocs-static-i18n still has it written, search_index removes it
    Output("search", made_by="search_index", offline="none", whole_site=True),
    Output(SEARCH_FOLDER, made_by="search_index", offline="none", whole_site=True),
    # the open data, and the bibliography files (bibliography_files)
    Output(OPEN_DATA_FOLDER, made_by="open_data", offline="all", whole_site=True),
    Output(KIT_FOLDER, made_by="trainers_kit", offline="language", whole_site=True),
)

OUTPUT_FOLDERS = frozenset(output.folder for output in OUTPUTS)


def output(folder: str) -> Output | None:
    """The declared output at the root folder `folder`, if it is one."""
    return next((each for each in OUTPUTS if each.folder == folder), None)
