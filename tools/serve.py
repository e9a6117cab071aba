"""`make serve`: the site at http://127.0.0.1:8000/, rebuilt after each edit, in seconds even
with a thousand case studies.

    python tools/serve.py [--dev-addr 127.0.0.1:8000]

`mkdocs serve` rebuilds the whole site after every edit (30 s at 1000 case studies), and its
`--dirty` mode stops under `strict` and cannot date the pages generated from data. This is
MkDocs' own build and live-reload server; after an edit, it works out from the files that
changed which pages the edit can change, renders those again in every language, and keeps
what the last build made of every other page (its rendered Markdown, title, table of contents
and anchors, and its HTML file):

- a Markdown page whose front matter did not change: that page;
- a record of data/<kind>/ (a case study, a partner): its pages, the pages of the records it
  names or that name it (before or after the edit; a record superseded by it names it), and
  every Markdown page that calls a macro that may show records (listings, guide steps...); the
  whole site if data/life-cycle.yml names it (a page replaced by it shows its title);
- and the translation status page, when a French text's fingerprint or a translation's state
  changed (an edit of French text);
- and, when a translation turns outdated or up to date (the first edit of a French text since
  its translation was checked), the translation and every page of the translations' builds,
  written again from the content kept: their navigation marks the outdated translations;
- anything else (a page's title, a page added or removed, a shared data file such as the
  glossary or the interface words, mkdocs.yml, the theme): the whole site, as `mkdocs serve`
  would.

Edits are seen as they are saved, from the system's file events (ChangeObserver); where the
system refuses them (a user's inotify limits reached), the loop looks at every file twice a
second, as `mkdocs serve` does. A folder that gets no events though the watcher starts (a
network drive, a Windows drive seen from WSL) needs `mkdocs serve`.

Files made from the whole site (search index, feeds, open data, bibliography files, trainers'
sheets: hooks/pipeline.py's WHOLE_SITE, but for the steps marked quick) are made by whole-site
builds only: after a quicker rebuild they still show the last whole-site build, and the log says
so. Other post-build steps run. Links and anchors are still checked on every page, in strict mode.
Code (macros/, hooks/) is read once: restart after changing it. Publishing never uses this:
`make build` and the tests build the whole site.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import watchdog.observers
from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _serve_url
from mkdocs.utils import meta
from watchdog.events import (
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEventHandler,
)

WATCHED = ("mkdocs.yml", "docs", "data", "overrides")  # what an edit of the site's text changes
MACRO_CALL = re.compile(r"{{-?\s*(\w+)\s*\(")
IDENTIFIER = re.compile(rb"[\w-]+")  # a record's id, as a file names it: "abes-sudoc"
LIFE_CYCLE = "data/life-cycle.yml"  # the pages archived or replaced, with what replaces them
# Macros (macros/__init__.py) that show no record: sources, glossary, the self-assessment's
# buttons, the open-data columns, and the translation status (whose rows change only with a
# translation: `translation_states`). Any other macro may show records (a new one too).
RECORD_FREE_MACROS = {
    "cite",
    "bibliography",
    "glossary",
    "self_assessment_tools",
    "open_data_columns",
    "translation_status",
}
# Post-build steps over the whole site that a quicker rebuild skips: too slow (Pagefind's
# index, the trainers' sheets), or made from every page as it is rendered (the feeds). Our own
# are hooks/pipeline.py's WHOLE_SITE steps not marked `quick`; a plugin's are skipped whole.
WHOLE_SITE_PLUGINS = {"MacrosPlugin"}
PIPELINE = "hooks/pipeline.py"  # MkDocs registers a hook as a plugin under its path in mkdocs.yml
log = logging.getLogger("mkdocs.serve")


# --- What an edit changes ------------------------------------------------------------------------


@dataclass
class Plan:
    """What the next build renders: everything, or the pages (by path under docs/, in every
    language build that shows them) listed in `pages`."""

    whole_site: bool
    why: str
    pages: set[str] = field(default_factory=set)
    # The language builds whose every page is written again, its content kept: their
    # navigation marks the outdated translations, and one turned outdated or up to date.
    navigation: set[str] = field(default_factory=set)


def snapshot(project: Path) -> dict[str, bytes]:
    """Every watched file's content, by path from the project root."""
    files = {}
    for name in WATCHED:
        path = project / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        for each in candidates:
            if each.is_file():
                files[each.relative_to(project).as_posix()] = each.read_bytes()
    return files


def plan(project: Path, before: dict[str, bytes], after: dict[str, bytes]) -> Plan:
    """The pages the edits from `before` to `after` can change, or the whole site."""
    from macros.registry import KINDS
    from macros.site.i18n import LANGUAGES

    changed = sorted(
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    )
    pages: set[str] = set()
    for path in changed:
        if path not in before or path not in after:
            return Plan(True, f"{path} was added or removed")
        parts = path.split("/")
        if parts[0] == "docs" and len(parts) > 2 and parts[1] in LANGUAGES and path.endswith(".md"):
            if _front_matter(before[path]) != _front_matter(after[path]):
                return Plan(True, f"the front matter of {path} changed")
            pages.add("/".join(parts[1:]))
            continue
        kind = next((k for k in KINDS if len(parts) == 3 and parts[1] == k.name), None)
        if parts[0] == "data" and kind and path.endswith(".yml"):
            record_id = parts[2].removesuffix(".yml")
            if _names(after.get(LIFE_CYCLE, b""), record_id):  # a page's notice shows its title
                return Plan(True, f"{path} changed, and {LIFE_CYCLE} names it")
            pages |= _record_pages(kind, record_id)
            pages |= _related_record_pages(after, record_id, before[path] + after[path])
            pages |= pages_showing_records(after)
            continue
        return Plan(True, f"{path} changed")
    return Plan(False, ", ".join(changed) or "nothing changed", pages)


def _front_matter(markdown: bytes) -> dict:
    return meta.get_data(markdown.decode("utf-8", errors="replace"))[1]


def _names(content: bytes, record_id: str) -> bool:
    """Whether a file names `record_id`, as an id of its own (not "g2id" in "g2id-2")."""
    return bool(re.search(rb"(?<![\w-])" + re.escape(record_id.encode()) + rb"(?![\w-])", content))


def _record_pages(kind, record_id: str) -> set[str]:
    from macros.site.i18n import LANGUAGES

    return {kind.source_path(record_id, language) for language in LANGUAGES}


def _related_record_pages(files: dict[str, bytes], record_id: str, edited: bytes) -> set[str]:
    """The pages of the records that name `record_id`, or that its file names (before or after
    the edit): a case study shows its partners' names, a partner page its case studies' titles."""
    from macros.registry import KINDS

    mentioned = set(IDENTIFIER.findall(edited))
    pages = set()
    for kind in KINDS:
        for path, content in files.items():
            folder, _, name = path.removeprefix("data/").partition("/")
            if not path.startswith("data/") or folder != kind.name or not name.endswith(".yml"):
                continue
            other = name.removesuffix(".yml")
            if other != record_id and (other.encode() in mentioned or _names(content, record_id)):
                pages |= _record_pages(kind, other)
    return pages


def pages_showing_records(files: dict[str, bytes]) -> set[str]:
    """Markdown pages that call a macro that may show records (listings, guide steps...), and
    the generated parts of the plain list of case studies (cas/liste/2.md...)."""
    from macros.render.cases import case_index_parts
    from macros.site.i18n import LANGUAGES
    from macros.site.paths import case_index_page

    cases = sum(path.startswith("data/case-studies/") for path in files)
    parts = {
        f"{language}/{case_index_page(part)}"
        for part in range(2, case_index_parts(cases) + 1)
        for language in LANGUAGES
    }
    return parts | {
        path.removeprefix("docs/")
        for path, content in files.items()
        if path.startswith("docs/")
        and path.endswith(".md")
        and set(MACRO_CALL.findall(content.decode("utf-8", errors="replace"))) - RECORD_FREE_MACROS
    }


def translation_states(project: Path) -> dict[str, tuple[str, str]]:
    """Each translation's state and French fingerprint, by its key ("docs/en/a-propos.md",
    "data/case-studies/abes-sudoc.yml"): what the translation status page shows of it."""
    from macros.contribute.translations import translations
    from macros.site_cache import site_data

    return {
        item.key: (item.state, item.fingerprint)
        for item in translations(project, site_data(project))
    }


def _page_states(states: dict[str, tuple[str, str]]) -> dict[str, str]:
    """The Markdown pages' translation states: the navigation of every page of a translation's
    build marks the outdated and untranslated pages."""
    return {key: state for key, (state, _) in states.items() if key.startswith("docs/")}


# --- Building only what changed ------------------------------------------------------------------


class Builds:
    """MkDocs' build, told which pages to render again. The pages not in the plan take back
    what the last build made of them (the attributes that reading and rendering set), and
    their HTML files stay as they are."""

    def __init__(self) -> None:
        self.plan = Plan(True, "first build")
        self.rendered: dict[tuple[str, str], dict] = {}  # (build language, page path) -> state
        self.compiled_templates = CompiledTemplates()
        self.populate = mkdocs_build._populate_page
        self.write = mkdocs_build._build_page
        mkdocs_build._populate_page = self._populate_page
        mkdocs_build._build_page = self._build_page

    def _key(self, page, config) -> tuple[str, str]:
        from macros.site.i18n import build_language

        return build_language(config), page.file.src_uri

    def _kept(self, page, config) -> dict | None:
        if self.plan.whole_site or page.file.src_uri in self.plan.pages:
            return None
        return self.rendered.get(self._key(page, config))

    def _populate_page(self, page, config, files, dirty=False) -> None:
        kept = self._kept(page, config)
        if kept is not None:
            state = dict(kept)
            links = state.pop("links_to_anchors", None)
            if links is not None:  # keyed by the files of this build
                state["links_to_anchors"] = {
                    files.get_file_from_path(path): anchors for path, anchors in links.items()
                }
            page.__dict__.update(state)
            return
        before = dict(page.__dict__)
        self.populate(page, config, files, dirty)
        state = {
            name: value
            for name, value in page.__dict__.items()
            if name not in before or before[name] is not value
        }
        if state.get("links_to_anchors") is not None:
            state["links_to_anchors"] = {
                file.src_uri: anchors for file, anchors in state["links_to_anchors"].items()
            }
        self.rendered[self._key(page, config)] = state

    def _build_page(self, page, config, doc_files, nav, env, dirty=False, excluded=False) -> None:
        from macros.site.i18n import build_language

        kept = self._kept(page, config) is not None and os.path.isfile(page.file.abs_dest_path)
        if kept and build_language(config) not in self.plan.navigation:
            return
        self.write(page, config, doc_files, nav, env, dirty, excluded)

    def build(self, config, serve_url: str) -> None:
        events = config.plugins.events
        kept = {name: list(handlers) for name, handlers in events.items()}
        events["env"].insert(0, self._reuse_compiled_templates)
        clean_directory = utils.clean_directory
        if self.plan.whole_site:
            self.rendered.clear()
        else:
            # Keep the site directory and skip the steps over the whole site (mkdocs-static-i18n's
            # on_post_build still runs the other languages' builds).
            events["post_build"] = [
                step for step in events["post_build"] if _plugin(step) not in WHOLE_SITE_PLUGINS
            ]
            utils.clean_directory = lambda path: None
        pipeline = config.plugins[PIPELINE]
        pipeline.BUILD.quick = not self.plan.whole_site  # its quick steps only (cards.json)
        try:
            mkdocs_build.build(config, serve_url=serve_url)
        finally:
            utils.clean_directory = clean_directory
            pipeline.BUILD.quick = False
            events.update(kept)

    def _reuse_compiled_templates(self, env, config, files):
        """Each build makes a new Jinja environment for the theme: compiling Material's
        templates again cost every build 0.4 s at 1000 case studies (Jinja still compiles again
        any template whose source changed)."""
        env.bytecode_cache = self.compiled_templates
        return env


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, kept in memory from one build to the next."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def _plugin(handler) -> str:
    """The class name of the plugin an event handler belongs to ("" for a hook)."""
    return type(getattr(handler, "__self__", None)).__name__


CHANGES = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent]


class ChangeObserver(watchdog.observers.Observer):
    """The system's own file watcher (inotify on Linux), told only of files written, added,
    moved or removed: MkDocs polls every file twice a second, which at a thousand case studies
    adds half a second to every edit, and inotify also reports each file the build opens."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **options):
        return super().schedule(
            event_handler, path, recursive=recursive, event_filter=CHANGES, **options
        )


def file_events_work(folder: str) -> bool:
    """Whether the system's file watcher starts here: inotify refuses when a user's limits are
    reached (editors watching large folders often reach them)."""
    probe = ChangeObserver()
    probe.schedule(FileSystemEventHandler(), folder, recursive=True)
    try:
        probe.start()
    except OSError:
        return False
    probe.stop()
    probe.join()
    return True


class Server(LiveReloadServer):
    """MkDocs' live-reload server, woken by ChangeObserver, with its reloading script allowed
    by each page's Content-Security-Policy (macros/build/content_security_policy.py allows inline
    scripts by hash, and this one changes with every request)."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        if file_events_work(self.root):
            self.observer = ChangeObserver()
        else:  # MkDocs' own observer, which polls
            log.warning("This system sends no file events: edits are looked for every 0.5 s.")

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        html = super()._inject_js_into_html(content, epoch)
        script = html[html.rindex(b"<script>") + len(b"<script>") : html.rindex(b"</script>")]
        digest = base64.b64encode(hashlib.sha256(script).digest())
        allowed = rb"script-src \1self\1 \1sha256-" + digest + rb"\1"  # base64: no backslash
        return re.sub(rb"script-src (&#39;|')self\1", allowed, html, count=1)


def serve(project: Path, dev_addr: str) -> None:
    sys.path.insert(0, str(project))
    os.chdir(project)
    from macros.site.i18n import LANGUAGES, TRANSLATIONS
    from macros.site.paths import TRANSLATION_STATUS_PAGE

    site_dir = tempfile.mkdtemp(prefix="mutualiser-serve-")
    config_file = str(project / "mkdocs.yml")
    host, _, port = dev_addr.rpartition(":")
    builds = Builds()
    files = snapshot(project)
    states: dict[str, tuple[str, str]] = {}

    def get_config():
        config = load_config(config_file, site_dir=site_dir, dev_addr=dev_addr)
        config.site_url = _serve_url(host, int(port), urlsplit(config.site_url or "/").path)
        return config

    def builder(config=None) -> None:
        nonlocal files, states
        now = snapshot(project)
        next_plan = plan(project, files, now) if states else Plan(True, "first build")
        try:
            now_states = translation_states(project)
        except Exception:  # invalid data: the build says what is wrong
            now_states = {}
        if not next_plan.whole_site and now_states != states:
            # The status page shows every French text's fingerprint and every state.
            next_plan.pages |= {f"{lang}/{TRANSLATION_STATUS_PAGE}" for lang in LANGUAGES}
            before, after = _page_states(states), _page_states(now_states)
            if changed := {
                key for key in before.keys() | after.keys() if before.get(key) != after.get(key)
            }:
                next_plan.pages |= {key.removeprefix("docs/") for key in changed}  # their notice
                next_plan.navigation = set(TRANSLATIONS)
        if next_plan.whole_site:
            log.info(f"Building the whole site: {next_plan.why}")
        else:
            log.info(f"Building {len(next_plan.pages)} pages of both languages: {next_plan.why}")
            if next_plan.navigation:
                log.info(
                    "and the navigation of every page in "
                    + ", ".join(sorted(next_plan.navigation))
                    + ": a translation's state changed"
                )
        builds.plan = next_plan
        config = config or get_config()
        try:
            builds.build(config, serve_url=config.site_url)
        except BaseException:
            states = {}  # after a failed build, the next one builds the whole site
            raise
        files, states = now, now_states
        if not next_plan.whole_site:
            log.warning(
                "Search, feeds, open data and bibliography files are from the last whole-site "
                "build: `make build` makes them all."
            )

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    server = Server(
        builder=builder,
        host=host,
        port=int(port),
        root=site_dir,
        mount_path=urlsplit(config.site_url).path,
    )

    def error_page(code: int) -> bytes | None:  # the site's own 404 page, as `mkdocs serve`
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if page.is_file() else None

    server.error_handler = error_page
    try:
        builder(config)
        for name in WATCHED:
            server.watch(str(project / name))
        server = config.plugins.on_serve(server, config=config, builder=builder)
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


# --- The serve loop in a child process: for the tests and the benchmark --------------------------


class Loop:
    """`tools/serve.py` running on a project in a child process, and what it has logged."""

    def __init__(self, project: Path, timeout: float = 600) -> None:
        import socket
        import subprocess
        import threading

        from tools.project import copy_environment

        with socket.socket() as probe:  # a free port
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/"
        self.timeout = timeout
        self.log: list[str] = []
        self._logged = threading.Condition()
        self.process = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--project",
                str(project),
                "--dev-addr",
                f"127.0.0.1:{port}",
            ],
            cwd=project,
            env=copy_environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._wait(lambda lines: any("Serving on" in line for line in lines), "the first build")

    def _read(self) -> None:
        for line in self.process.stdout:
            with self._logged:
                self.log.append(line.rstrip("\n"))
                self._logged.notify_all()
        with self._logged:
            self._logged.notify_all()

    def _wait(self, done, what: str, since: int = 0) -> list[str]:
        with self._logged:
            finished = self._logged.wait_for(
                lambda: done(self.log[since:]) or self.process.poll() is not None, self.timeout
            )
            lines = self.log[since:]
        if not finished or not done(lines):
            raise RuntimeError(f"serve: no end to {what}:\n" + "\n".join(self.log[-40:]))
        return lines

    def edit(self, path: Path, change) -> list[str]:
        """Rewrite `path` with `change(text)`; return the log of the build it starts, once the
        browsers are told to reload (a failed build raises, with the log)."""
        since = len(self.log)
        path.write_text(change(path.read_text("utf-8")), "utf-8")

        def rebuilt(lines):
            if any("error happened during the rebuild" in line for line in lines):
                raise RuntimeError("serve: the rebuild failed:\n" + "\n".join(lines))
            return any("Reloading browsers" in line for line in lines)

        return self._wait(rebuilt, f"the rebuild after editing {path.name}", since)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(30)
        self._reader.join(30)  # it has read to the end of the output
        self.process.stdout.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-8s -  %(message)s", level=logging.INFO)
    # Stopped by `kill` (the tests, the benchmark) as by Ctrl-C: the built site is removed.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(0))
    serve(args.project.resolve(), args.dev_addr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
