"""What a kind of record is: its folder, schema, how a valid file becomes a record, what its
schema cannot check, its page and its open-data columns. The kinds themselves are declared in
macros/registry.py; the model receives them as a parameter and never imports that registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from macros.model.records import Column, SiteData, Text
from macros.model.validation import Problem, YamlFile


@dataclass(frozen=True)
class Kind:
    name: (
        str  # data/<name>/<id>.yml, the open-data files <name>.<language>.json, the words <name>.*
    )
    schema: str  # in data/schemas/; its properties are the record's fields (tests/test_house.py)
    record: type  # the record class its files become
    build: Callable[[YamlFile, SiteData], Any]  # a valid file -> its record (earlier kinds built)
    page_folder: str  # one page per record at <page_folder>/<id>.md, in each language
    render_page: Callable[..., str]  # (data, PageContext, record) -> the page's body
    title: Callable[[Any], Text]  # the page's title and first sentence of its description
    summary: Callable[[Any], Text]
    columns: tuple[Column, ...]  # the open data, after `id` and `url`
    check: Callable[[YamlFile], list[Problem]] = lambda parsed: []  # beyond the schema

    def page_path(self, record_id: str) -> str:
        """A record's page inside a language folder: "cas/g2id.md"."""
        return f"{self.page_folder}/{record_id}.md"

    def source_path(self, record_id: str, language: str) -> str:
        """A record's generated page as MkDocs knows it, language folder first: "en/cas/g2id.md"."""
        return f"{language}/{self.page_path(record_id)}"
