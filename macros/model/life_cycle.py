"""A page's or a record's life cycle: current (the default), archived (kept for the record, no
longer kept up to date) or superseded (replaced). A page's is in data/life-cycle.yml, by its
French file; a record's is the `life_cycle` field of its own file: each fact in one place.

An archived or superseded page or record keeps its address and shows a notice linking to what
replaces it (macros/build/life_cycle_notices.py), in the reader's language; it leaves the
listings (macros/render/cases.py, partners.py). What replaces it is named as data/reviews.yml
names pages and records: "docs/fr/guide/champs.md", "data/case-studies/g2id.yml".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, TypeVar

from macros.model.shapes import one_of, optional

ARCHIVED, SUPERSEDED = "archived", "superseded"
# The open data's column `life_cycle`: each kind's records all stay in it, each with its state.
STATE_SHAPE = optional(one_of(ARCHIVED, SUPERSEDED))


@dataclass(frozen=True)
class LifeCycle:
    state: str  # ARCHIVED or SUPERSEDED
    by: str | None  # what replaces it: "docs/fr/<path>.md" or "data/<kind>/<id>.yml"

    @classmethod
    def of(cls, value: dict[str, Any] | None) -> LifeCycle | None:
        """From valid data: `{state: ..., by: ...}`, or None for a current page or record."""
        return cls(value["state"], value.get("by")) if value else None


def life_cycle_of(
    key: str, pages: dict[str, LifeCycle], records: dict[str, dict[str, Any]]
) -> LifeCycle | None:
    """The life cycle of a page (`pages`, from data/life-cycle.yml) or a record (its own field),
    named by its French file or data file; None when it is current or does not exist."""
    parts = key.split("/")
    if parts[0] == "data" and len(parts) == 3:
        record = records.get(parts[1], {}).get(PurePosixPath(parts[2]).stem)
        return getattr(record, "life_cycle", None)
    return pages.get(key)


def state_of(record: Any, language: str) -> str | None:
    """A record's open-data `life_cycle`: "archived", "superseded", or None while current."""
    return record.life_cycle.state if record.life_cycle else None


Record = TypeVar("Record")


def current(records: Iterable[Record]) -> list[Record]:
    """The records that are neither archived nor superseded, in their order: what listings show."""
    return [record for record in records if getattr(record, "life_cycle", None) is None]
