"""The self-assessment page's tools: summary, exports, print, link with the answers, clear.

The factors and their levels are the page's own content (docs/<language>/auto-evaluation.md);
this renders the controls around them in the page's language and loads the script that saves
the answers in the browser (overrides/assets/javascripts/self-assessment.js). Nothing is sent.
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from macros.render.context import PageContext
from macros.render.templates import render

SCRIPT_IN_SITE = "assets/javascripts/self-assessment.js"


def self_assessment_tools(page: PageContext) -> str:
    return render(
        "self_assessment_tools.html",
        script_url=get_relative_url(SCRIPT_IN_SITE, page.url),
        ui=page.ui,
    )
