"""The `added` and `updated` days of case studies and partners: what the feeds and the pages'
"last updated" line show for a record (the schema checks their shape, this checks their sense)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .validation import Problem, YamlFile

DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # the schema's pattern: its own message otherwise


@dataclass(frozen=True)
class RecordDates:
    added: date
    updated: date | None  # None: unchanged since it was added

    @property
    def last_changed(self) -> date:
        return self.updated or self.added

    @classmethod
    def of(cls, content: dict) -> RecordDates:
        """From a valid record's content."""
        return cls(date.fromisoformat(content["added"]), _day(content.get("updated")))


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def check_record_dates(parsed: YamlFile, today: date | None = None) -> list[Problem]:
    """Each day exists, none is in the future, and `updated` is not before `added`."""
    content = parsed.content if isinstance(parsed.content, dict) else {}
    today = today or date.today()
    problems, days = [], {}
    for name in ("added", "updated"):
        text = content.get(name)
        if not isinstance(text, str) or not DAY.fullmatch(text):
            continue  # missing or misshapen: the schema says so
        try:
            days[name] = date.fromisoformat(text)
        except ValueError:
            problems.append(
                parsed.problem((name,), f"no such day {text!r}", "a real day, YYYY-MM-DD")
            )
            continue
        if days[name] > today:
            wrong = f"{text} is in the future"
            problems.append(parsed.problem((name,), wrong, f"a day up to {today.isoformat()}"))
    if "added" in days and "updated" in days and days["updated"] < days["added"]:
        wrong = f"{content['updated']} is before the day it was added"
        problems.append(parsed.problem(("updated",), wrong, f"a day from {content['added']} on"))
    return problems
