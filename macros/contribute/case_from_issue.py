"""From a filled "propose a case study" issue form to a data file a maintainer finishes.

Usage: `python -m macros.contribute.case_from_issue BODY_FILE [--data DATA_DIR]`
(BODY_FILE `-` reads the
issue's body from standard input). Writes data/case-studies/<id>.yml, and adds the form's source
to data/sources.yml unless a source with that title (or part of it) or address is already
there. What the form
cannot say (the other language, partners not yet in data/partners/, the source's note) is filled
so that `make validate` passes and marked with a `TODO` comment for the maintainer. The other
language is the answer copied, for a translator to write: the case has no entry in
data/translations.lock.yml, so it is "never checked" (macros/contribute/translations.py) on its
English page, on the status page and on the pull request until its English is recorded as checked.

The form (.github/ISSUE_TEMPLATE/propose-case-study.yml) is read for its labels: GitHub writes
each answer under its label as `### <label>`, "_No response_" when empty, checkboxes as
`- [X] <option>`, and choices as the option's text, here a label of data/vocabularies.yml in each
language, "<French label> / <English label>" (`choice_label`; tools/issue_forms.py writes them).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

import yaml
from text_unidecode import unidecode

from macros.model import messages
from macros.model.data import schema_comment
from macros.model.records import SiteData, Text
from macros.registry import load_site_data
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES
from macros.site.text import slug

ROOT = Path(__file__).resolve().parents[2]
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "propose-case-study.yml"
NO_RESPONSE = "_No response_"
# Every line break YAML honours, some of which editors and GitHub show as nothing: in an answer
# they become plain \n, which the form's text then shows and the file's quoting escapes, so that
# no text read as a comment (`# TODO ...`) can end its line and start a field.
YAML_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
LONGEST_ID = 60  # a file name, and an address: short enough to read and to type


class FormError(Exception):
    """The body cannot become a case study: a required answer is missing or unknown."""


def form_labels(form: Path = FORM) -> dict[str, str]:
    """Label -> field id, from the form itself."""
    body = yaml.safe_load(form.read_text(encoding="utf-8"))["body"]
    return {item["attributes"]["label"]: item["id"] for item in body if "id" in item}


def answers(body: str, labels: dict[str, str]) -> dict[str, str | list[str] | None]:
    """The answers by field id: text, a list of ticked options, or None when left empty."""
    found: dict[str, str | list[str] | None] = {}
    sections = re.split(r"^### (.+)$", YAML_LINE_BREAKS.sub("\n", body), flags=re.MULTILINE)
    for label, text in zip(sections[1::2], sections[2::2], strict=True):
        field_id = labels.get(label.strip())
        if field_id is None:
            continue
        text = text.strip()
        ticks = re.findall(r"^- \[([ xX])\] (.+)$", text, flags=re.MULTILINE)
        if ticks:
            found[field_id] = [option.strip() for mark, option in ticks if mark != " "]
        else:
            found[field_id] = None if text in ("", NO_RESPONSE) else text
    return found


def choice_label(label: Text) -> str:
    """A form's option: the label in each language, "French / English"."""
    return " / ".join(label[language] for language in LANGUAGES)


def language_label(words: dict[str, Text], language: str) -> str:
    """The form's option for answers in `language`: "Français / French"."""
    name = words[f"language_{language}"]
    return choice_label(Text({other: name[other][:1].upper() + name[other][1:] for other in name}))


def choice_id(terms: dict, answer: str, field_id: str) -> str:
    """The vocabulary id of a chosen "French / English" label."""
    for term in terms.values():
        if answer == choice_label(term.label):
            return term.id
    raise FormError(messages.both("case_from_issue.unknown_choice", field=field_id, value=answer))


def lines_of(answer) -> list[str]:
    return [line.strip(" -*•") for line in (answer or "").split("\n") if line.strip(" -*•")]


def quoted(text: str) -> str:
    """A YAML string that reads back as `text`, whatever its colons, quotes, accents or line
    breaks (JSON leaves U+0085, U+2028 and U+2029 as they are, which YAML would read as breaks)."""
    written = json.dumps(text, ensure_ascii=False)
    return YAML_LINE_BREAKS.sub(lambda found: json.dumps(found[0]).strip('"'), written)


def record_id(text: str) -> str:
    """An id from any title: transliterated to Latin letters ("Библиотеки" -> "biblioteki", "図書館"
    -> "tu-shu-guan"), at most LONGEST_ID characters cut at a hyphen; refused rather than empty."""
    found = slug(unidecode(text))
    if len(found) > LONGEST_ID:
        found = found[: LONGEST_ID + 1].rpartition("-")[0] or found[:LONGEST_ID]
    if not found:
        raise FormError(messages.both("case_from_issue.no_id", value=text[:60]))
    return found


class Writer:
    """The YAML file as text, so that the maintainer's TODO comments sit on the right lines."""

    def __init__(self, written_in: str):
        self.lines: list[str] = []
        self.written_in = written_in  # "fr" or "en": the other languages are left to translate

    def add(self, line: str, todo: str | None = None) -> None:
        # A comment holds one line: any break YAML honours would end it (YAML_LINE_BREAKS).
        todo = " ".join(todo.split()) if todo else None
        self.lines.append(f"{line}  # TODO {todo}" if todo else line)

    def text(self, indent: str, key: str, value: str) -> None:
        """`key: {fr, en}` with the answer in each language, the untranslated ones marked."""
        self.add(f"{indent}{key}:")
        self.pair(f"{indent}  ", f"{indent}  ", value)

    def texts(self, key: str, items: list[str]) -> None:
        """A list of `{text: {fr, en}}` items (gains, drawbacks), one per line of the answer."""
        if items:
            self.add(f"{key}:")
        for item in items:
            self.add("  - text:")
            self.pair("      ", "      ", item)

    def plain_texts(self, key: str, items: list[str]) -> None:
        """A list of `{fr, en}` items (lessons), one per line of the answer."""
        if items:
            self.add(f"{key}:")
        for item in items:
            self.pair("  - ", "    ", item)

    def worded(self, indent: str, key: str, message: str, todo: str) -> None:
        """`key: {fr, en}` from a message of data/messages.yml, marked for the maintainer."""
        self.add(f"{indent}{key}:", todo)
        for language in LANGUAGES:
            self.add(f"{indent}  {language}: {quoted(messages.wording(message, language, {})[0])}")

    def pair(self, first_indent: str, next_indent: str, value: str) -> None:
        translate = messages.both("case_from_issue.translate")
        for language in LANGUAGES:
            indent = first_indent if language == LANGUAGES[0] else next_indent
            todo = None if language == self.written_in else translate
            self.add(f"{indent}{language}: {quoted(value)}", todo)


def source_entry(given: dict, site: SiteData) -> tuple[str, str | None]:
    """The id of the form's source, and the YAML to append to sources.yml (None if known)."""
    title, url = given["source_title"], given.get("source_url")
    for source in site.sources.values():
        # The same document, even when its title is given shortened (three words at least).
        same_title = title.casefold() in source.title.casefold() and len(title.split()) >= 3
        if same_title or (url and source.url == url):
            return source.id, None
    year = given["source_year"]
    if not (year and re.fullmatch(r"\d{4}", year)):
        raise FormError(messages.both("case_from_issue.bad_year", value=year or ""))
    authors = [a.strip() for a in (given.get("source_authors") or "").split(";") if a.strip()]
    base = record_id(f"{authors[0].partition(',')[0] if authors else title[:30]} {year}")
    source_id, number = base, 2
    while source_id in site.sources:
        source_id, number = f"{base}-{number}", number + 1
    source_type = choice_id(site.vocabularies.source_types, given["source_type"], "source_type")
    # Without an address, the form says why (make validate asks sources.yml for it too).
    no_url_reason = given.get("source_no_url_reason")
    if not url and not no_url_reason:
        raise FormError(messages.both("case_from_issue.missing", field="source_no_url_reason"))
    if no_url_reason and not url:
        reasons = site.vocabularies.no_url_reasons
        no_url_reason = choice_id(reasons, no_url_reason, "source_no_url_reason")
    todo = messages.both("case_from_issue.describe_source")
    entry = [
        "",
        f"  - id: {source_id}",
        f"    type: {source_type}",
        *([f"    authors: [{', '.join(quoted(a) for a in authors)}]"] if authors else []),
        f"    title: {quoted(title)}",
        f"    year: {year}",
        *([f"    url: {quoted(url)}"] if url else [f"    no_url_reason: {no_url_reason}"]),
        f"    note:  # TODO {todo}",
        *(f"      {language}: {quoted(title)}" for language in LANGUAGES),
    ]
    return source_id, "\n".join(entry) + "\n"


def case_study_yaml(given: dict, site: SiteData) -> tuple[str, str, str | None]:
    """(case id, the case file's text, the text to append to sources.yml or None)."""
    required_answers = ("title", "summary", "status", "territory", "country")
    for required in (*required_answers, "source_title", "source_type"):
        if not given.get(required):
            raise FormError(messages.both("case_from_issue.missing", field=required))
    vocabularies = site.vocabularies
    written_in = next(
        (
            language
            for language in LANGUAGES
            if given.get("language") == language_label(site.words, language)
        ),
        DEFAULT_LANGUAGE,
    )
    case_id = record_id(given["title"])
    fields = [choice_id(vocabularies.fields, f, "fields") for f in given.get("fields") or []]
    steps = [choice_id(vocabularies.steps, s, "steps") for s in given.get("steps") or []]
    for name, chosen in (("fields", fields), ("steps", steps)):
        if not chosen:
            raise FormError(messages.both("case_from_issue.missing", field=name))
    source_id, new_source = source_entry(given, site)

    out = Writer(written_in)
    out.add(schema_comment("case-study.schema.json", in_folder=True))
    out.add(f"# {messages.both('case_from_issue.header')}")
    out.add(f"id: {case_id}")
    out.add(f"status: {choice_id(vocabularies.status, given['status'], 'status')}")
    out.text("", "title", given["title"])
    out.text("", "summary", given["summary"])
    out.add("territory:")
    out.add(f"  country: {choice_id(vocabularies.countries, given['country'], 'country')}")
    out.text("  ", "label", given["territory"])
    start = (given.get("start") or "").strip()
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", start):
        out.add("milestones:")
        out.add(f"  - date: {quoted(start)}")
        out.worded(
            "    ", "event", "case_from_issue.start_event", messages.both("case_from_issue.check")
        )
        out.add("    marks: start")
        out.add(f"    source: {source_id}")

    partner_ids, unknown = [], []
    names = {
        slug(name): partner.id
        for partner in site.partners.values()
        for name in (*partner.name.values(), partner.id)
    }
    for line in lines_of(given.get("partners")):
        name = re.split(r"\s*[:(\u2013\u2014-]\s", line, maxsplit=1)[0]
        partner_id = names.get(slug(name))
        if partner_id and partner_id not in partner_ids:
            partner_ids.append(partner_id)
        elif not partner_id:
            unknown.append(line)
    todo = messages.both("case_from_issue.unknown_partners", names="; ".join(unknown))
    out.add("partners:" if partner_ids else "partners: []", todo if unknown else None)
    for partner_id in partner_ids:
        out.add(f"  - partner: {partner_id}")
        out.add("    role: member", messages.both("case_from_issue.role"))
        out.add(f"    source: {source_id}")
    out.add(f"fields: [{', '.join(fields)}]")
    chosen_form = given.get("administrative_form")
    form = (
        None
        if chosen_form is None
        else choice_id(vocabularies.administrative_forms, chosen_form, "form")
    )
    out.add(
        f"administrative_form: {form or 'none-yet'}",
        None if form else messages.both("case_from_issue.no_form"),
    )
    out.add("steps:", messages.both("case_from_issue.steps_why"))
    for step in steps:
        out.add(f"  - step: {step}")
        out.worded("    ", "why", "case_from_issue.why", messages.both("case_from_issue.check"))
    out.texts("gains", lines_of(given.get("gains")))
    out.texts("drawbacks", lines_of(given.get("drawbacks")))
    out.plain_texts("lessons", lines_of(given.get("lessons")))
    out.add(f"sources: [{source_id}]")
    out.add(f"added: {date.today().isoformat()}")  # the day the proposal becomes a file
    return case_id, "\n".join(out.lines) + "\n", new_source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.contribute.case_from_issue", description=__doc__
    )
    parser.add_argument("body", help="a file holding the issue's body, or - for standard input")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder")
    arguments = parser.parse_args(argv)
    body = sys.stdin.read() if arguments.body == "-" else Path(arguments.body).read_text("utf-8")
    site = load_site_data(arguments.data)
    try:
        case_id, text, new_source = case_study_yaml(answers(body, form_labels()), site)
    except FormError as error:
        print(error, file=sys.stderr)
        return 1
    target = arguments.data / "case-studies" / f"{case_id}.yml"
    if target.exists():
        print(messages.both("case_from_issue.exists", path=str(target)), file=sys.stderr)
        return 1
    target.write_text(text, encoding="utf-8")
    if new_source:
        with open(arguments.data / "sources.yml", "a", encoding="utf-8") as sources:
            sources.write(new_source)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
