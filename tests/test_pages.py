"""Every page: declared in both languages, with a title and a description, the same anchors on
both sides so that a trainer's link to a section works in either language, and labels that name
a control of their page."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from macros.contribute.check_docs import docs_problems, read_page

DOCS = ROOT / "docs"
ALLOWED_KEYS = {"title", "description", "hide"}
REQUIRED_KEYS = {"title", "description"}
SOURCES = sorted(DOCS.glob("*/**/*.md"))


def front_matter(path: Path) -> dict:
    text = read_page(path)  # as MkDocs reads it: a byte-order mark or Windows line endings pass
    assert text.startswith("---\n"), f"{path}: no front matter"
    block = text.split("---\n", 2)[1]
    return yaml.safe_load(block) or {}


def test_every_english_page_has_its_french_and_a_french_page_without_english_is_a_warning():
    """A French page may wait for its translation: the site publishes it with a notice, and
    `make validate` warns (tests/test_translations.py removes an English page from a copy)."""
    french = {p.relative_to(DOCS / "fr").as_posix() for p in (DOCS / "fr").rglob("*.md")}
    english = {p.relative_to(DOCS / "en").as_posix() for p in (DOCS / "en").rglob("*.md")}
    assert english - french == set(), "English pages without a French version"
    missing = [
        problem for problem in docs_problems(ROOT, None) if problem.key == "docs.twin_missing"
    ]
    warned = {problem.file.removeprefix("docs/fr/") for problem in missing}
    assert warned == french - english, "each French page without English is warned about"
    assert all(problem.severity == "warning" for problem in missing)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(DOCS)))
def test_front_matter_declares_title_and_description_only(path):
    meta = front_matter(path)
    assert meta.keys() >= REQUIRED_KEYS, f"missing: {REQUIRED_KEYS - meta.keys()}"
    assert meta.keys() <= ALLOWED_KEYS, f"undeclared: {meta.keys() - ALLOWED_KEYS}"
    assert all(isinstance(meta[key], str) and meta[key].strip() for key in REQUIRED_KEYS)


def test_every_built_page_has_a_title_and_a_meta_description(site):
    for page in site.pages():
        html = site.html(page)
        description = html.select_one('head meta[name="description"]')
        assert description is not None, page
        assert description["content"].strip(), page
        assert html.title is not None, page
        assert html.title.get_text(strip=True), page


def heading_ids(html) -> list[str]:
    article = html.select_one("article")
    return [h["id"] for h in article.select("h2[id], h3[id], h4[id]")]


def test_page_pairs_have_the_same_anchors(site):
    for page in site.pages("fr"):
        french = heading_ids(site.html(page))
        english = heading_ids(site.html(Path("en") / page))
        assert french == english, page


# What a label's `for` may name (HTML's labelable elements), as the Nu HTML Checker requires.
LABELABLE = {"button", "input", "meter", "output", "progress", "select", "textarea"}


def test_every_label_names_a_control_of_its_page(site):
    """A `<label for>` names a form control of its own page. Material's table of contents has
    one naming the #__toc toggle that its navigation renders only under a page of the
    navigation: the records' pages and the section index pages had none
    (overrides/partials/toc.html)."""
    unnamed = []
    for page in site.pages():
        html = site.html(page)
        for label in html.select("label[for]"):
            control = html.find(id=label["for"])
            if (
                control is None
                or control.name not in LABELABLE
                or control.get("type", "").lower() == "hidden"
            ):
                unnamed.append(f'{page}: <label for="{label["for"]}">')
    assert unnamed == [], f"{len(unnamed)} labels name no control:\n" + "\n".join(unnamed[:10])
