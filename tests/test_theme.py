"""Theme overrides extend Material's blocks; a block or partial we must replace is a copy of the
installed Material's with marked changes, so that a Material upgrade cannot silently drift from it."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material
import pytest
from conftest import ROOT

MATERIAL_BASE = Path(material.__file__).parent / "templates" / "base.html"
OURS = ROOT / "overrides" / "main.html"
CHANGED = "{# changed"


def block(template: str, name: str) -> list[str]:
    """The lines inside `{% block name %}...{% endblock %}`, stripped, blank lines left out."""
    match = re.search(
        r"{%\s*block " + name + r"\s*%}(.*?){%\s*endblock\s*%}", template, flags=re.DOTALL
    )
    assert match, f"no block {name}"
    return [line.strip() for line in match.group(1).splitlines() if line.strip()]


def replaced_blocks() -> list[str]:
    """The blocks main.html replaces: those whose body does not call super()."""
    text = OURS.read_text("utf-8")
    names = re.findall(r"{%\s*block (\w+)\s*%}", text)
    return [name for name in names if "super()" not in "\n".join(block(text, name))]


def test_main_html_replaces_only_the_blocks_it_must():
    assert replaced_blocks() == ["site_meta"]


@pytest.mark.parametrize("name", replaced_blocks())
def test_a_replaced_block_differs_from_materials_only_where_marked(name):
    theirs = block(MATERIAL_BASE.read_text("utf-8"), name)
    ours = block(OURS.read_text("utf-8"), name)
    assert_differs_only_where_marked(name, theirs, ours)


def partial(path: Path) -> list[str]:
    """A partial's lines, stripped, without its opening comment and blank lines."""
    text = re.sub(r"\A{#-.*?-#}", "", path.read_text("utf-8"), flags=re.DOTALL)
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_toc_partial_differs_from_materials_only_where_marked():
    """Its title names the #__toc toggle only in the navigation, where the toggle is."""
    theirs = partial(MATERIAL_BASE.parent / "partials" / "toc.html")
    ours = partial(ROOT / "overrides" / "partials" / "toc.html")
    assert_differs_only_where_marked("partials/toc.html", theirs, ours)


def assert_differs_only_where_marked(name: str, theirs: list[str], ours: list[str]) -> None:
    marked = [index for index, line in enumerate(ours) if line.startswith(CHANGED)]
    assert marked, f"{name}: a replaced block says what it changes"
    # Each "changed" comment announces the one line after it: it replaces one of Material's lines,
    # or is added.
    changed_lines = {index + 1 for index in marked}
    kept = [line for index, line in enumerate(ours) if index not in set(marked)]
    positions = [index for index in range(len(ours)) if index not in set(marked)]
    matcher = difflib.SequenceMatcher(a=theirs, b=kept, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        ours_changed = {positions[index] for index in range(b_start, b_end)}
        assert tag in ("replace", "insert"), f"{name}: {tag} {theirs[a_start:a_end]}"
        assert a_end - a_start <= 1, f"{name}: {theirs[a_start:a_end]} {kept[b_start:b_end]}"
        assert ours_changed <= changed_lines, f"{name}: unmarked change {kept[b_start:b_end]}"


def test_materials_bundle_is_deferred(site):
    bundle = site.html("").select_one("script[src*='assets/javascripts/bundle.']")
    assert bundle.has_attr("defer")


def test_materials_head_links_are_kept(site):
    head = site.html("guide/champs/").head
    assert head.select_one("link[rel=prev]")
    assert head.select_one("link[rel=next]")
    assert head.select_one("link[rel=canonical]")
    assert head.select_one("link[rel=icon]")


def test_the_search_partial_keeps_materials_look_but_not_its_search():
    """Our partial (answered by Pagefind: overrides/assets/javascripts/search.js) keeps every
    class of Material's, so Material's styles apply, and none of the marks that make Material's
    bundle fetch its index and mount its own search (a form named "search", data-md-component)."""
    theirs = (MATERIAL_BASE.parent / "partials" / "search.html").read_text("utf-8")
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text("utf-8")

    def classes(text: str) -> set[str]:
        return {name for value in re.findall(r'class="([^"]*)"', text) for name in value.split()}

    assert classes(theirs) - classes(ours) <= {"md-search__suggest"}  # search.suggest is off
    assert 'name="search"' in theirs
    assert 'name="search"' not in ours
    assert "data-md-component=" not in ours
    assert 'role="dialog" aria-label=' in ours  # the dialog is named (axe aria-dialog-name)


def test_the_stylesheet_closes_every_block():
    # An unclosed `@media print {` once swallowed every rule after it (they only applied on paper).
    css = re.sub(
        r"/\*.*?\*/",
        "",
        (ROOT / "overrides/assets/stylesheets/extra.css").read_text("utf-8"),
        flags=re.DOTALL,
    )
    depth = 0
    for character in css:
        depth += {"{": 1, "}": -1}.get(character, 0)
        assert depth >= 0
    assert depth == 0
