"""Write the vocabulary choices of the issue forms (.github/ISSUE_TEMPLATE/) from
data/vocabularies.yml, so that a form never offers a label the data no longer has.

    python tools/issue_forms.py     # `make forms`; tests/test_contributing.py checks the result

GitHub's forms are static YAML, read by GitHub itself: they cannot read our data, so their
choices are copies, rewritten here rather than by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from macros.contribute.case_from_issue import choice_label, language_label
from macros.registry import load_site_data
from macros.site.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
# (form, field id, vocabulary): each field offers the vocabulary's terms, "French / English";
# the language of a proposal's answers is offered in each language (LANGUAGES).
CHOICES = (
    ("propose-case-study", "status", "status"),
    ("propose-case-study", "country", "countries"),
    ("propose-case-study", "fields", "fields"),
    ("propose-case-study", "administrative_form", "administrative_forms"),
    ("propose-case-study", "steps", "steps"),
    ("propose-case-study", "source_type", "source_types"),
    ("propose-case-study", "source_no_url_reason", "no_url_reasons"),
    ("partner-help", "competences", "competences"),
)


def with_choices(text: str, field_id: str, labels: list[str]) -> str:
    """The form's text with the options of `field_id` replaced, in the form's own style."""
    lines = text.splitlines()
    start = lines.index(f"    id: {field_id}")
    first = next(i for i in range(start, len(lines)) if lines[i].strip() == "options:") + 1
    end = first
    while end < len(lines) and lines[end].startswith("        - "):
        end += 1
    checkbox = lines[first].startswith("        - label:")
    options = [
        f"        - label: {json.dumps(label, ensure_ascii=False)}"
        if checkbox
        else f"        - {json.dumps(label, ensure_ascii=False)}"
        for label in labels
    ]
    return "\n".join([*lines[:first], *options, *lines[end:]]) + "\n"


def labels(vocabulary) -> list[str]:
    return [choice_label(term.label) for term in vocabulary.values()]


def language_labels(words) -> list[str]:
    return [language_label(words, language) for language in LANGUAGES]


def main() -> int:
    data = load_site_data(ROOT / "data")
    for form, field_id, vocabulary in CHOICES:
        path = FORMS / f"{form}.yml"
        text = path.read_text("utf-8")
        path.write_text(
            with_choices(text, field_id, labels(getattr(data.vocabularies, vocabulary))), "utf-8"
        )
    path = FORMS / "propose-case-study.yml"
    path.write_text(
        with_choices(path.read_text("utf-8"), "language", language_labels(data.words)), "utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
