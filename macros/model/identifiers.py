"""The persistent identifiers a partner may carry (`identifiers:` in data/partners/<id>.yml): the
form of each scheme, its check digit where it has one, and where it resolves. Directories key
on them, so a mistyped one is refused with the key it should have, not published.

    ROR       0 + 6 characters of Crockford's base32 + 2 check digits (ISO 7064 mod 97-10)
    ISIL      a country prefix (FR-, CH-, BE-...) + up to 11 characters (ISO 15511); no check
              digit (the key that Swiss ISILs end with, CH-NNNNNN-K, is not checked)
    SIREN     9 digits, the last a Luhn key
    Wikidata  Q + digits
    IdRef     8 digits + a check character, 0-9 or X (mod 11)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from macros.model import messages
from macros.model.messages import Word
from macros.model.validation import Problem, YamlFile

CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def ror_check(value: str) -> str:
    """The two check digits of a ROR id from its first seven characters (0 + six)."""
    number = 0
    for char in value[:7]:
        number = number * 32 + CROCKFORD.index(char)
    return f"{98 - number * 100 % 97:02d}"


def luhn_check(value: str) -> str:
    """The Luhn key of a SIREN from its first eight digits."""
    total = 0
    for position, digit in enumerate(reversed(value[:8])):
        doubled = int(digit) * (1 if position % 2 else 2)  # from the right, starting with the 8th
        total += doubled - 9 if doubled > 9 else doubled
    return str(-total % 10)


def idref_check(value: str) -> str:
    """The check character of an IdRef (Sudoc PPN) from its first eight digits."""
    total = sum(
        int(digit) * weight for digit, weight in zip(value[:8], range(9, 1, -1), strict=True)
    )
    key = -total % 11
    return "X" if key == 10 else str(key)


@dataclass(frozen=True)
class Scheme:
    name: str  # as the scheme writes itself, in both languages
    form: re.Pattern
    check: Callable[[str], str] | None  # the check characters that end a well-formed id
    register: str | None  # where a contributor finds the right value, for a check digit
    link: str | None  # the page of an id: "{id}" replaced; None when there is no resolver


# In the order pages and open data show them.
SCHEMES = {
    "ror": Scheme(
        "ROR",
        re.compile(r"0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}"),
        ror_check,
        "ror.org",
        "https://ror.org/{id}",
    ),
    "isil": Scheme(
        "ISIL",
        re.compile(r"[A-Z]{2}-[A-Za-z0-9:/-]{1,11}"),
        None,
        None,
        None,
    ),
    "siren": Scheme(
        "SIREN",
        re.compile(r"[0-9]{9}"),
        luhn_check,
        "annuaire-entreprises.data.gouv.fr",
        "https://annuaire-entreprises.data.gouv.fr/entreprise/{id}",
    ),
    "wikidata": Scheme(
        "Wikidata",
        re.compile(r"Q[1-9][0-9]*"),
        None,
        "wikidata.org",
        "https://www.wikidata.org/wiki/{id}",
    ),
    "idref": Scheme(
        "IdRef",
        re.compile(r"[0-9]{8}[0-9X]"),
        idref_check,
        "idref.fr",
        "https://www.idref.fr/{id}",
    ),
}


def url(scheme: str, value: str) -> str | None:
    link = SCHEMES[scheme].link
    return link.format(id=value) if link else None


def check_identifiers(parsed: YamlFile) -> list[Problem]:
    """Each identifier in its scheme's form, with the check digit its other characters give.
    The schema has made sure that each is a string of a known scheme."""
    content = parsed.content if isinstance(parsed.content, dict) else {}
    given = content.get("identifiers")
    problems = []
    for name, value in given.items() if isinstance(given, dict) else ():
        scheme = SCHEMES.get(name)
        if scheme is None or not isinstance(value, str):
            continue  # the schema reports it
        at = ("identifiers", name)
        if not scheme.form.fullmatch(value):
            problems.append(
                parsed.worded(
                    at,
                    "partner.identifier_form",
                    value=messages.quoted(value),
                    scheme=scheme.name,
                    form=Word(f"identifier.{name}"),
                )
            )
        elif scheme.check and not value.endswith(expected := scheme.check(value)):
            problems.append(
                parsed.worded(
                    at,
                    "partner.identifier_check",
                    value=messages.quoted(value),
                    scheme=scheme.name,
                    expected=expected,
                    register=scheme.register,
                )
            )
    return problems
