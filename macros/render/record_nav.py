"""Where a record's generated page sits: a breadcrumb (home, its listing, itself) above its title
and, under its text, a link back to its listing and to the previous and next records in the
listing's order. Generated pages are outside the navigation (macros/build/generated_pages.py),
so Material gives them neither."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from macros.render.context import PageContext


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class RecordNav:
    home: str
    listing: Link
    back: str  # "All case studies"
    title: str  # this record's
    previous: Link | None
    next: Link | None


def record_nav(
    page: PageContext,
    listing_path: str,
    listing_title: str,
    back: str,
    ordered: Sequence[Any],
    record: Any,
    title: Callable[[Any], str],
    path_of: Callable[[str], str],
) -> RecordNav:
    """`listing_title`, `back`: the listing's title and the words of the link back to it;
    `ordered`: the kind's records in its listing's order; `title(record)` in this language;
    `path_of(id)`: a record's page path (`cas/g2id.md`). An archived or superseded record is
    not in its listing: its page has no previous or next one."""
    ids = [each.id for each in ordered]
    at = ids.index(record.id) if record.id in ids else -2  # -2: neither neighbour exists

    def link(index: int) -> Link | None:
        if at < 0 or not 0 <= index < len(ordered):
            return None
        return Link(title(ordered[index]), page.link(path_of(ordered[index].id)))

    return RecordNav(
        home=page.link("index.md"),
        listing=Link(listing_title, page.link(listing_path)),
        back=back,
        title=title(record),
        previous=link(at - 1),
        next=link(at + 1),
    )
