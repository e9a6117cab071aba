"""Checklists whose checkboxes are named by their item's text, with or without JavaScript, and
that the browser remembers (overrides/assets/javascripts/page-tools.js adds a "clear" button
after each list, labelled by the list's `data-clear-label`).

pymdownx.tasklist writes `<label class="task-list-control"><input ...><span ...></span></label>
text`: the text sits after the label, so the checkbox has no accessible name (axe "label") and a
click on the text does nothing. We move the text into the label, up to a nested list or the end
of the item.
"""

from __future__ import annotations

import re
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.build.state import Build
from macros.site.i18n import page_language

TASK_TEXT_AFTER_LABEL = re.compile(
    r'(<label class="task-list-control">.*?)(</label>)(.*?)(?=<ul|<ol|</li>)', re.DOTALL
)


def name_checkboxes(html: str) -> str:
    return TASK_TEXT_AFTER_LABEL.sub(r"\1\3\2", html)


def label_clear_buttons(html: str, label: str) -> str:
    return html.replace(
        '<ul class="task-list">', f'<ul class="task-list" data-clear-label="{escape(label)}">'
    )


def name_and_clear(build: Build, html: str, page: Page, config: MkDocsConfig) -> str:
    if "task-list-control" not in html:
        return html
    words = build.site_data(config).words
    label = words["checklist.clear"][page_language(page)]
    return label_clear_buttons(name_checkboxes(html), label)
