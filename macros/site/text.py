"""Small text helpers shared by the macros."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# A sentence ends at ". " before a capital, unless the dot closes an initial ("J.-M. Raina").
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9)»”][.!?])\s+(?=[A-ZÀ-Ý«“])")


def read_page(path: Path) -> str:
    """A Markdown page's text as MkDocs reads it: a byte-order mark dropped, Windows line endings
    made \\n. Every reader of docs/ goes through it, so that a page saved by any editor is the
    same text everywhere (a BOM used to hide the front matter from the trainers' kit)."""
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")


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


def format_number(value: int | float, language: str) -> str:
    """22500 -> "22 500" in French (narrow no-break space), "22,500" in English."""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.{_decimals(value)}f}"
    if language == "fr":
        return text.replace(",", "\u202f").replace(".", ",")
    return text


def _decimals(value: float) -> int:
    return len(repr(value).partition(".")[2].rstrip("0")) or 0


def format_quantity(value: int | float, unit: str | None, language: str) -> str:
    """A value and its unit as each language writes them: "17,52 %" / "17.52%", "550 000 €" /
    "€550,000"."""
    number = format_number(value, language)
    if not unit:
        return number
    if language == "en" and unit == "%":
        return f"{number}%"
    if language == "en" and unit in ("€", "$", "£"):
        return f"{unit}{number}"
    return f"{number}\u00a0{unit}"


def format_date(date: str, months: str) -> str:
    """A partial ISO date as a reader writes it: "2014" stays, "2014-06" -> "juin 2014",
    "2014-06-23" -> "23 juin 2014". `months` is the interface word `months`: twelve names."""
    parts = date.split("-")
    if len(parts) == 1:
        return date
    month = months.split()[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
