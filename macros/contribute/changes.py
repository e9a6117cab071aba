"""`make validate`'s warning when a page or a record changed without a change note: its French
text's fingerprint (macros/contribute/translations.py, the same the translations are checked
against) differs from the one its latest note in data/changes.yml records (macros/model/changes.py).

A warning, not an error: the site is published anyway, and the message gives the fingerprint to
copy into the new note.
"""

from __future__ import annotations

from pathlib import Path

from macros.contribute.translations import french_fingerprints
from macros.model import messages
from macros.model.changes import notes_about
from macros.model.records import SiteData
from macros.model.validation import Problem


def change_problems(project: Path, site: SiteData) -> list[Problem]:
    problems = []
    for about, fingerprint in french_fingerprints(project, site).items():
        notes = notes_about(site.changes, about)
        if not notes:
            problems.append(messages.warning("change.no_note", about, fingerprint=fingerprint))
        elif notes[0].fingerprint != fingerprint:
            problems.append(
                messages.warning(
                    "change.unnoted",
                    about,
                    fingerprint=fingerprint,
                    day=notes[0].day.isoformat(),
                )
            )
    return problems
