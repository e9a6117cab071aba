"""The data folder is looked at once per build (macros/site_cache.py): from the start of a build,
before mkdocs-macros reads the data in its own on_config, to the end of the last language's."""

from __future__ import annotations

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from macros import site_cache
from macros.site.i18n import is_last_build


@event_priority(100)  # before mkdocs-macros' on_config (0), which loads the data
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site_cache.build_started()
    return config


@event_priority(-1000)  # after every other post-build step, mkdocs-static-i18n's included
def on_post_build(config: MkDocsConfig) -> None:
    if is_last_build(config):
        site_cache.build_ended()


def on_build_error(error: Exception) -> None:
    site_cache.build_ended()
