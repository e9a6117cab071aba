"""The `added` and `updated` days of case studies and partners: what the feeds and the pages'
"last updated" line show for a record (the schema checks their shape, this checks their sense)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from macros.model import messages
from macros.model.validation import Problem, YamlFile

DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # the schema's pattern: its own message otherwise


@dataclass(frozen=True)
class RecordDates:
    added: date
    updated: date | None  # None: unchanged since it was added

    @property
    def last_changed(self) -> date:
        return self.updated or self.added

    @classmethod
    def of(cls, content: dict[str, Any]) -> RecordDates:
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
            problems.append(parsed.worded((name,), "record.no_such_day", day=messages.quoted(text)))
            continue
        if days[name] > today:
            problems.append(
                parsed.worded((name,), "record.future_day", day=text, today=today.isoformat())
            )
    if "added" in days and "updated" in days and days["updated"] < days["added"]:
        problems.append(
            parsed.worded(
                ("updated",),
                "record.updated_before_added",
                updated=content["updated"],
                added=content["added"],
            )
        )
    return problems
