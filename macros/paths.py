"""Where pages live, relative to a language folder (docs/fr/, docs/en/): one place to change."""

from __future__ import annotations

SOURCES_PAGE = "sources.md"
FORMS_PAGE = "formes-administratives.md"
CASE_LISTING_PAGE = "cas/index.md"
PARTNER_DIRECTORY_PAGE = "partenaires/index.md"


def case_page_path(case_id: str) -> str:
    """A case study's generated page."""
    return f"cas/{case_id}.md"


def partner_page_path(partner_id: str) -> str:
    """A partner's generated page."""
    return f"partenaires/{partner_id}.md"
