"""Where pages live inside a language folder (docs/fr/, docs/en/): one place to change.
Addresses, for a language and a site, come from macros/site/i18n.py's `page_url`."""

from __future__ import annotations

SOURCES_PAGE = "sources.md"
SUCCESS_FACTORS_PAGE = "facteurs-de-reussite.md"
GLOSSARY_PAGE = "glossaire.md"
FORMS_PAGE = "formes-administratives.md"
OPEN_DATA_PAGE = "donnees-ouvertes.md"
CASE_LISTING_PAGE = "cas/index.md"
CASE_INDEX_PAGE = "cas/liste.md"  # every case study's title, for readers without JavaScript
TRANSLATION_STATUS_PAGE = "traductions.md"
ACCESSIBILITY_PAGE = "accessibilite.md"  # the accessibility statement, linked from every footer
LEGAL_NOTICE_PAGE = "mentions-legales.md"  # linked from every footer
FIRST_TIME_PAGE = "premiere-contribution.md"  # a first change, for people new to GitHub
CASE_FOLDER = "cas"  # one generated page per case study
GUIDE_FOLDER = "guide"  # the seven steps
TOOLKIT_FOLDER = "boite-a-outils"  # the practitioner's toolkit
PARTNER_FOLDER = "partenaires"  # one generated page per partner


def case_page_path(case_id: str) -> str:
    return f"{CASE_FOLDER}/{case_id}.md"


def partner_page_path(partner_id: str) -> str:
    return f"{PARTNER_FOLDER}/{partner_id}.md"


def case_index_page(part: int) -> str:
    """The plain list of case studies, in parts: cas/liste.md, then cas/liste/2.md, 3.md..."""
    return CASE_INDEX_PAGE if part == 1 else f"{CASE_INDEX_PAGE.removesuffix('.md')}/{part}.md"


# Output folders under the site root (declared with what makes them in macros/site/outputs.py)
KIT_FOLDER = "kit"  # sheets and booklets (<language>/), offline copies
OPEN_DATA_FOLDER = "donnees"  # the open data and the bibliography files, shared by the languages
SEARCH_FOLDER = "pagefind"  # the search index of every language


def search_words_file(language: str) -> str:
    """The site's words that search suggests for a misspelt query (search.js, the offline copy)."""
    return f"{SEARCH_FOLDER}/words.{language}.json"
