"""Change notes (data/changes.yml): what changed in a page or a record, when, why, and whether
it is a major change (the advice, the facts) or a minor one (wording, a typo, a link).

A note is about a page's French file ("docs/fr/guide/champs.md") or a record's data file
("data/case-studies/g2id.yml"), as data/reviews.yml names them, and records the fingerprint of
the French text it describes (macros/contribute/translations.py `fingerprint`): when the text's
fingerprint no longer matches the latest note's, `make validate` warns that a change has no note
(macros/contribute/changes.py). The page shows its notes ("all updates"), the What's new page the
major ones, and the feeds date and sum up their entries with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from macros.model.records import Text


@dataclass(frozen=True)
class ChangeNote:
    about: str  # "docs/fr/guide/champs.md", "data/case-studies/g2id.yml"
    day: date
    major: bool
    note: Text
    fingerprint: str  # of the French text once changed


def notes_about(changes: tuple[ChangeNote, ...], about: str) -> list[ChangeNote]:
    """A page's or record's notes, newest first (of one day, the one written last first)."""
    return _newest_first([note for note in changes if note.about == about])


def latest_major(changes: tuple[ChangeNote, ...], count: int) -> list[ChangeNote]:
    """The `count` newest major changes of the whole site, newest first."""
    return _newest_first([note for note in changes if note.major])[:count]


def _newest_first(notes: list[ChangeNote]) -> list[ChangeNote]:
    # A stable sort of the notes in reverse file order: of one day, the later in the file first.
    return sorted(reversed(notes), key=lambda note: note.day, reverse=True)
