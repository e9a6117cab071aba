"""When a page's or a record's content was last reviewed, when its next review is due, and who
answers for it (data/reviews.yml). The page's info box shows it (macros/publish/page_citation.py)
and `make review` lists what is due or overdue (macros/contribute/review.py).

A page is named by its French file ("docs/fr/guide/champs.md"): both languages show the review of
the French source. A record is named by its data file ("data/case-studies/g2id.yml").
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from macros.model.records import Text

OTHER = "other"  # the period of every page that is not a guide step, a toolkit page or a record
SOON_DAYS = 30  # `make review` lists a page this many days before it is due


@dataclass(frozen=True)
class Reviews:
    """data/reviews.yml: `periods` in months, by kind of page; `reviewed` by page or record."""

    responsible: Text
    periods: dict[str, int]
    reviewed: dict[str, date] = field(default_factory=dict)


@dataclass(frozen=True)
class ReviewState:
    key: str  # "docs/fr/guide/champs.md", "data/case-studies/g2id.yml"
    reviewed: date | None  # None: never reviewed
    due: date | None  # None: never reviewed, so due now
    responsible: Text

    def overdue(self, today: date) -> bool:
        return self.due is None or self.due < today

    def due_soon(self, today: date) -> bool:
        return not self.overdue(today) and (self.due - today).days <= SOON_DAYS  # type: ignore[operator]


def kind_of_page(key: str) -> str:
    """The review period's name for a page or record: "guide", "toolkit", the record's kind, or
    "other"."""
    parts = key.split("/")
    if parts[0] == "data":
        return parts[1]
    return (
        {"guide": "guide", "boite-a-outils": "toolkit"}.get(parts[2], OTHER)
        if len(parts) > 3
        else OTHER
    )


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day if it is shorter (31 Jan -> 28 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_state(reviews: Reviews, key: str) -> ReviewState:
    reviewed = reviews.reviewed.get(key)
    period = reviews.periods.get(kind_of_page(key), reviews.periods[OTHER])
    due = add_months(reviewed, period) if reviewed else None
    return ReviewState(key, reviewed, due, reviews.responsible)
