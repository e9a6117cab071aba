"""The persistent identifiers a partner may carry (`identifiers:` in data/partners/<id>.yml), and
a contributor's ORCID iD (`contributors:` of a case study or a partner): the form of each scheme,
its check digit where it has one, and where it resolves. Directories key on them, so a mistyped
one is refused with the key it should have, not published.

    ROR       0 + 6 characters of Crockford's base32 + 2 check digits (ISO 7064 mod 97-10)
    ISIL      a country prefix (FR-, CH-, BE-...) + up to 11 characters (ISO 15511); no check
              digit (the key that Swiss ISILs end with, CH-NNNNNN-K, is not checked)
    SIREN     9 digits, the last a Luhn key
    Wikidata  Q + digits
    IdRef     8 digits + a check character, 0-9 or X (mod 11)
    ORCID     16 characters in four groups joined by hyphens, the last a check character, 0-9 or
              X (ISO 7064 mod 11-2)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from macros.model import messages
from macros.model.messages import Word
from macros.model.validation import FieldPath, Problem, YamlFile

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


def orcid_check(value: str) -> str:
    """The check character of an ORCID iD from its first fifteen digits (ISO 7064 11,2)."""
    total = 0
    for digit in value.replace("-", "")[:15]:
        total = (total + int(digit)) * 2
    key = (12 - total % 11) % 11
    return "X" if key == 10 else str(key)


@dataclass(frozen=True)
class Scheme:
    name: str  # as the scheme writes itself, in both languages
    form: re.Pattern[str]
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


# A person's identifier: not one of a partner's `identifiers`, nor an open-data column of theirs.
ORCID = Scheme(
    "ORCID",
    re.compile(r"[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]"),
    orcid_check,
    "orcid.org",
    "https://orcid.org/{id}",
)


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
        if scheme is not None and isinstance(value, str):  # else the schema reports it
            problems += _check(parsed, ("identifiers", name), scheme, value, f"identifier.{name}")
    return problems


def check_contributors(parsed: YamlFile) -> list[Problem]:
    """Each contributor's ORCID iD, if given, in its form and with its check character."""
    content = parsed.content if isinstance(parsed.content, dict) else {}
    given = content.get("contributors")
    problems = []
    for index, contributor in enumerate(given if isinstance(given, list) else ()):
        value = contributor.get("orcid") if isinstance(contributor, dict) else None
        if isinstance(value, str):  # else absent, or the schema reports it
            at = ("contributors", index, "orcid")
            problems += _check(parsed, at, ORCID, value, "identifier.orcid")
    return problems


def _check(parsed: YamlFile, at: FieldPath, scheme: Scheme, value: str, form: str) -> list[Problem]:
    if not scheme.form.fullmatch(value):
        return [
            parsed.worded(
                at,
                "identifier.form",
                value=messages.quoted(value),
                scheme=scheme.name,
                form=Word(form),
            )
        ]
    if scheme.check and not value.endswith(expected := scheme.check(value)):
        return [
            parsed.worded(
                at,
                "identifier.check",
                value=messages.quoted(value),
                scheme=scheme.name,
                expected=expected,
                register=scheme.register,
            )
        ]
    return []
