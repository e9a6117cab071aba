"""The filters of the listings: which values each item has, which choices each filter offers.

The listing templates print them as <select> elements and data-filter-<name> attributes, which
overrides/assets/javascripts/filters.js reads. Without JavaScript the partners directory holds
every partner, and the case listing its first page of cards and a link to every other case
study; the script fetches the other cards (macros/render/cases.py, LISTING_CARDS) when they are
needed. Only the two listing pages load the script (not every page, through extra_javascript), which
keeps the other pages within the request budget of tests/test_budget.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mkdocs.utils import get_relative_url

from macros.site.text import slug

SCRIPT_IN_SITE = "assets/javascripts/filters.js"  # from overrides/assets/javascripts/


# Beyond this many choices a list is too long to scan (and to send: when territories were free
# text, 1000 case studies made nearly 1000 of them; they are codes since issue 28): the filter
# becomes a text field instead, which keeps the items whose label holds what the reader types,
# accents and case aside.
MAX_CHOICES = 30


@dataclass(frozen=True)
class Facet:
    """One filter: its URL parameter, its label, its choices and each item's values."""

    name: str  # the URL query parameter and the items' data-filter-<name> attribute
    label: str
    options: list[tuple[str, str]]  # (value, label), in the vocabulary's order
    values_of: Callable[[object], list[str]]

    @property
    def typed(self) -> bool:
        """A text field rather than a list of choices."""
        return len(self.options) > MAX_CHOICES

    def item_values(self, item) -> str:
        """The item's values; for a text field, its labels as filters.js compares them."""
        if not self.typed:
            return " ".join(self.values_of(item))
        labels = dict(self.options)
        return " ".join(slug(labels[value]) for value in self.values_of(item))


def facet(name: str, label: str, items: list, values_of: Callable, labels: dict[str, str]):
    """A facet offering only the values some item has, so no choice alone gives an empty list."""
    used = {value for item in items for value in values_of(item)}
    options = [(value, text) for value, text in labels.items() if value in used]
    return Facet(name, label, options, values_of)


def count_texts(ui: dict[str, str], kind: str) -> dict[str, str]:
    """What the count says for none, one or many results; the script fills in the numbers."""
    return {amount: ui[f"{kind}.count_{amount}"] for amount in ("none", "one", "many")}


def filters_script_url(page_url: str) -> str:
    """The listings' script (copied to the site from overrides/), relative to the page."""
    return get_relative_url(SCRIPT_IN_SITE, page_url)
