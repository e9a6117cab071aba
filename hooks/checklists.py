"""Checklists whose checkboxes are named by their item's text, with or without JavaScript.

pymdownx.tasklist writes `<label class="task-list-control"><input ...><span ...></span></label>
text`: the text sits after the label, so the checkbox has no accessible name (axe "label") and a
click on the text does nothing. We move the text into the label, up to a nested list or the end
of the item.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

TASK_TEXT_AFTER_LABEL = re.compile(
    r'(<label class="task-list-control">.*?)(</label>)(.*?)(?=<ul|<ol|</li>)', re.DOTALL
)


def name_checkboxes(html: str) -> str:
    return TASK_TEXT_AFTER_LABEL.sub(r"\1\3\2", html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    return name_checkboxes(html) if "task-list-control" in html else html
