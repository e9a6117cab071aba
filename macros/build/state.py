"""What one `mkdocs build` keeps from one event to the next, across its languages: one object,
held by hooks/pipeline.py, instead of a global per step.

mkdocs-static-i18n runs the English build inside the French one's on_post_build, so a field
filled in one language's build is still there in the next; each says when it is filled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from macros.contribute.translations import Translation
from macros.model.records import SiteData
from macros.publish.feeds import FeedEntry
from macros.site_cache import site_data


@dataclass
class Build:
    serving: bool = False  # under `mkdocs serve` (make serve): the trainers' kit is not made
    quick: bool = False  # make serve's quicker rebuild: the whole-site outputs are not made
    # Filled by each language's build:
    data: SiteData | None = None  # data/, read and validated (pre_build)
    generated_pages: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown (files)
    data_files: dict[str, str] = field(default_factory=dict)  # src_uri -> its record's file
    # language -> path in a language folder -> its translation's state
    translated_pages: dict[str, dict[str, Translation]] = field(default_factory=dict)
    permalink_titles: dict[str, str] = field(default_factory=dict)  # language -> title
    abbreviations: dict[str, str] = field(default_factory=dict)  # language -> definitions
    # Filled across the languages' builds, emptied when the first one starts:
    feed_entries: dict[str, dict[str, FeedEntry]] = field(default_factory=dict)
    search_words: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # lang -> src_uri

    def site_data(self, config: MkDocsConfig) -> SiteData:
        """The data of this build: read once (macros/site_cache.py), then kept here."""
        if self.data is None:
            self.data = site_data(project_dir(config))
        return self.data


def project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent
