"""The glossary as a vocabulary others can reuse: SKOS (Turtle and JSON-LD) and a table (its
columns, published as JSON and CSV by macros/publish/open_data.py).

Each term's URI is its anchor on the French glossary page, absolute (the French text is the
source; the English page carries the same anchors): stable as long as the term's id is.
"""

from __future__ import annotations

from macros.model.records import Column, GlossaryTerm, SiteData, Text
from macros.model.shapes import TEXT, optional
from macros.site.escaping import turtle_iri, turtle_string
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES, page_url
from macros.site.paths import GLOSSARY_PAGE

DATASET = "glossary"  # donnees/glossary.<language>.json|csv, the words glossary.*
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"

# The table's columns after id and url (the term's anchor on that language's glossary page).
COLUMNS = (
    Column("term", lambda term, language: term.term[language], TEXT),
    Column(
        "expansion",
        lambda term, language: term.expansion[language] if term.expansion else None,
        optional(TEXT),
    ),
    Column("definition", lambda term, language: term.definition[language], TEXT),
)


def term_url(term: GlossaryTerm, language: str, site_url: str) -> str:
    """The term on the glossary page in `language`: https://.../glossaire/#abf."""
    return f"{page_url(GLOSSARY_PAGE, language, site_url)}#{term.id}"


def scheme_uri(site_url: str) -> str:
    return page_url(GLOSSARY_PAGE, DEFAULT_LANGUAGE, site_url)


def concept_uri(term: GlossaryTerm, site_url: str) -> str:
    return term_url(term, DEFAULT_LANGUAGE, site_url)


def _labels(term: GlossaryTerm) -> dict[str, Text]:
    """Each SKOS property and its text in both languages: an abbreviation's expansion is its
    alternative label."""
    labels = {"prefLabel": term.term, "definition": term.definition}
    if term.expansion:
        labels["altLabel"] = term.expansion
    return labels


def as_json_ld(data: SiteData, site_url: str, licence: dict) -> dict:
    scheme = scheme_uri(site_url)
    return {
        "@context": {"skos": SKOS, "dct": DCT},
        "@graph": [
            {
                "@id": scheme,
                "@type": "skos:ConceptScheme",
                "dct:title": _texts(data.words[f"{DATASET}.dataset"]),
                "dct:description": _texts(data.words[f"{DATASET}.description"]),
                "dct:license": {"@id": licence["url"]},
                "skos:hasTopConcept": [
                    {"@id": concept_uri(term, site_url)} for term in data.glossary.values()
                ],
            },
            *(
                {
                    "@id": concept_uri(term, site_url),
                    "@type": "skos:Concept",
                    "skos:inScheme": {"@id": scheme},
                    "skos:topConceptOf": {"@id": scheme},
                    **{f"skos:{name}": _texts(text) for name, text in _labels(term).items()},
                }
                for term in data.glossary.values()
            ),
        ],
    }


def _texts(text: Text) -> list[dict]:
    return [{"@value": text[language], "@language": language} for language in LANGUAGES]


def as_turtle(data: SiteData, site_url: str, licence: dict) -> str:
    scheme = turtle_iri(scheme_uri(site_url))

    def texts(name: str, text: Text) -> str:
        return f"    {name} " + ", ".join(
            turtle_string(text[language], language) for language in LANGUAGES
        )

    lines = [
        f"@prefix skos: <{SKOS}> .",
        f"@prefix dct: <{DCT}> .",
        "",
        f"{scheme} a skos:ConceptScheme ;",
        texts("dct:title", data.words[f"{DATASET}.dataset"]) + " ;",
        texts("dct:description", data.words[f"{DATASET}.description"]) + " ;",
        f"    dct:license {turtle_iri(licence['url'])} ;",
        "    skos:hasTopConcept "
        + ", ".join(turtle_iri(concept_uri(term, site_url)) for term in data.glossary.values())
        + " .",
    ]
    for term in data.glossary.values():
        lines += [
            "",
            f"{turtle_iri(concept_uri(term, site_url))} a skos:Concept ;",
            f"    skos:inScheme {scheme} ;",
            f"    skos:topConceptOf {scheme} ;",
            " ;\n".join(texts(f"skos:{name}", text) for name, text in _labels(term).items()) + " .",
        ]
    return "\n".join(lines) + "\n"
