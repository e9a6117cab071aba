"""Mutualiser's Python code, in layers, each importing only those before it:

    site/        languages, addresses, output folders, escaping, text, typography
    model/       records, loading and validation, contributor messages, dates, what a kind is,
                 partner identifiers
    kinds/       each kind of record as data: built from its file, checked, its open-data columns
    render/      page macros' helpers and their templates (autoescaped)
    publish/     whole-site outputs: open data, feeds, bibliography files, citations, page dates
    kit/         the trainers' kit: short links, sheets, offline copies
    contribute/  the contributor's commands: validation, translations, GitHub reports, forms
    registry.py  the kinds of records, joining their data and their pages
    page_macros.py  the macros the pages call; build/ the build's steps (hooks/pipeline.py)

mkdocs-macros calls `define_env` once per language build; importing this package loads nothing
else.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Register the page macros (macros/page_macros.py)."""
    from macros.page_macros import define_env as register_macros

    register_macros(env)
