"""The contributors page: each person credited for a record (`contributors:` of a case study or
a partner), once, with the records they worked on."""

from __future__ import annotations

from macros.model.records import Contributor, Text
from macros.render.context import PageContext
from macros.render.templates import render


def contributor_list(
    page: PageContext, records: list[tuple[str, Text, tuple[Contributor, ...]]]
) -> str:
    """`records`: each record's page path in a language folder, title and contributors. A
    person is the same wherever their ORCID iD is, or else their name, is the same."""
    people: dict[str, tuple[Contributor, list[tuple[str, str]]]] = {}
    for path, title, contributors in records:
        for person in contributors:
            key = person.orcid or person.name
            known, worked_on = people.get(key, (person, []))
            # The institution one record gives names the person on the page.
            people[key] = (known if known.institution else person, worked_on)
            worked_on.append((title[page.language], page.link(path)))
    return render(
        "contributors.html",
        people=sorted(people.values(), key=lambda entry: entry[0].name.casefold()),
        ui=page.ui,
    )
