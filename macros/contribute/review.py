"""`make review`: the pages and records whose review is overdue, never made, or due within
SOON_DAYS days (macros/model/reviews.py), one line each in the contributor's language, oldest
first, then how many.

Usage: `python -m macros.contribute.review [--today YYYY-MM-DD] [--github]`. With --github (the
weekly scheduled workflow) the list also goes to the job summary, in both languages. It always
exits 0: a due review is work to plan, not a broken build.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from macros.contribute import github_report
from macros.model import messages
from macros.model.records import SiteData
from macros.model.reviews import SOON_DAYS, ReviewState, review_state
from macros.model.validation import Problem
from macros.registry import KINDS, load_site_data
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES

ROOT = Path(__file__).resolve().parents[2]


def reviewed_things(project: Path, site: SiteData) -> list[str]:
    """Every page (its French file) and every record (its data file), as data/reviews.yml names
    them, but those archived or superseded: they are no longer kept up to date."""
    docs = project / "docs" / DEFAULT_LANGUAGE
    pages = [path.relative_to(project).as_posix() for path in sorted(docs.rglob("*.md"))]
    records = [
        f"data/{kind.name}/{record}.yml" for kind in KINDS for record in site.records[kind.name]
    ]
    return [key for key in pages + sorted(records) if site.life_cycle_of(key) is None]


def due(project: Path, site: SiteData, today: date) -> list[ReviewState]:
    """What is overdue, never reviewed, or due soon: never reviewed first, then by due day."""
    states = [review_state(site.reviews, key) for key in reviewed_things(project, site)]
    listed = [state for state in states if state.overdue(today) or state.due_soon(today)]
    return sorted(listed, key=lambda state: (state.due is not None, state.due or today, state.key))


def as_problem(state: ReviewState, today: date) -> Problem:
    if state.reviewed is None:
        return messages.warning("review.never", state.key)
    key = "review.overdue" if state.overdue(today) else "review.soon"
    assert state.due is not None  # reviewed, so due a period later (macros/model/reviews.py)
    return messages.warning(
        key, state.key, due=state.due.isoformat(), reviewed=state.reviewed.isoformat()
    )


def report(project: Path, site: SiteData, today: date, languages: tuple[str, ...]) -> list[str]:
    """The lines `make review` prints."""
    states = due(project, site, today)
    lines = [
        line for state in states for line in messages.lines(as_problem(state, today), languages)
    ]
    overdue = sum(state.overdue(today) for state in states)
    for language in languages:
        if states:
            lines.append(
                messages.wording(
                    "review.count", language, {"count": len(states), "overdue": overdue}
                )[0]
            )
        else:
            lines.append(messages.wording("review.nothing_due", language, {"days": SOON_DAYS})[0])
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.contribute.review", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD")
    parser.add_argument("--github", action="store_true", help="also write the job summary")
    parser.add_argument("--project", type=Path, default=ROOT, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    site = load_site_data(arguments.project / "data")
    languages = LANGUAGES if arguments.github else messages.output_languages()
    lines = report(arguments.project, site, arguments.today, languages)
    print("\n".join(lines))
    if arguments.github:
        github_report.write_summary("\n".join(f"- `{line}`" for line in lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
