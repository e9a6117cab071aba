"""Small text helpers shared by the macros."""

from __future__ import annotations

import re
import unicodedata

# A sentence ends at ". " before a capital, unless the dot closes an initial ("J.-M. Raina").
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9)»”][.!?])\s+(?=[A-ZÀ-Ý«“])")


def first_sentence(text: str) -> str:
    """The first sentence of a summary, for the one-line cards and page descriptions."""
    return _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]


def sort_key(text: str) -> str:
    """Alphabetical order as readers expect it: "établissement" files under E, not after Z."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slug(text: str) -> str:
    """A stable key from a label: "Communes de l'Ardèche" -> "communes-de-l-ardeche"."""
    return re.sub(r"[^a-z0-9]+", "-", sort_key(text)).strip("-")
