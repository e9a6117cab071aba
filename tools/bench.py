"""`make bench`: what the build costs now, and with hundreds of case studies.

    python tools/bench.py [--runs 3] [--sizes 100 1000] [--profile]

Three sets of pages, each built in a fresh copy of the project (mkdocs.yml, docs/, data/,
macros/, hooks/, overrides/):
  real         the project as it is;
  cases-100    plus 100 synthetic case studies, cases-1000 plus 1000: valid YAML files written
               into the copy's data/case-studies/, so the real loader, validator, macros and
               hooks make their pages in both languages.
Each set is also built by plain mkdocs-material ("plain"): the same Markdown, as our macros
leave it (captured once by a hook), in the same theme with the same extensions and
navigation features, but without our macros, hooks, i18n or overrides.

Each build runs in its own process, `--runs` times; the table gives the medians of wall time
and peak memory (ru_maxrss of that process), the pages, the site size, the search index size
per language in KB, raw/gzipped (every page fetches it on a first visit), and the ratios to the
plain build. The trainers' kit (sheets, booklets, offline copies: macros/trainers_kit.py,
macros/offline_copy.py) is left out of those builds (MUTUALISER_KIT=0) and timed on its own,
on the real set's site. Writes bench/results.json. The targets of issue 5 are reported, not
asserted.
`--profile` also profiles the largest set's build and writes bench/profile.txt: where the time
goes, by package and by function.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load
from project import ROOT, copy_project

sys.path.insert(0, str(ROOT))  # the macros package, to time the trainers' kit

BENCH = ROOT / "bench"
SITE_URL = "https://example.org/mutualiser/"
CASE_SCHEMA = "# yaml-language-server: $schema=../schemas/case-study.schema.json\n"

CAPTURE_HOOK = '''\
"""Bench only: write each page's Markdown, as our macros and hooks leave it, for the plain build."""
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-1000)  # after every other plugin and hook
def on_page_markdown(markdown, page, config, files):
    target = Path(__file__).parent / "captured" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return markdown
'''


@dataclass
class Measure:
    seconds: float
    peak_mb: float
    pages: int
    site_mb: float
    search_kb: dict[str, str]  # language: "raw/gzipped"


# --- Workspaces --------------------------------------------------------------------------------


def add_case_studies(project: Path, count: int) -> None:
    """Write `count` valid case studies, each a renamed copy of one of the real ones."""
    folder = project / "data" / "case-studies"
    models = [yaml.safe_load(path.read_text("utf-8")) for path in sorted(folder.glob("*.yml"))]
    for number in range(1, count + 1):
        case = {**models[number % len(models)], "id": f"synthetic-{number:04d}"}
        case["title"] = {
            "fr": f"{case['title']['fr']} (exemple {number})",
            "en": f"{case['title']['en']} (example {number})",
        }
        text = yaml.safe_dump(case, allow_unicode=True, sort_keys=False, width=100)
        (folder / f"{case['id']}.yml").write_text(CASE_SCHEMA + text, encoding="utf-8")


def config(project: Path) -> dict:
    return yaml_load((project / "mkdocs.yml").read_text("utf-8"))


def write_config(project: Path, name: str, content: dict) -> Path:
    path = project / name
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def capture_markdown(project: Path) -> Path:
    """Build once with a last hook that saves every page's final Markdown; returns its folder."""
    (project / "capture_hook.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    real = config(project)
    capture = write_config(
        project, "mkdocs.capture.yml", {**real, "hooks": [*real["hooks"], "capture_hook.py"]}
    )
    build(project, capture, project / "capture-site")
    captured = project / "captured"  # plus the page assets (images...) kept next to the pages
    shutil.copytree(
        project / "docs", captured, ignore=shutil.ignore_patterns("*.md"), dirs_exist_ok=True
    )
    return captured


def plain_config(project: Path, markdown: Path) -> Path:
    """The same Markdown, theme features and extensions: mkdocs-material alone."""
    real = config(project)
    languages = sorted(path.name for path in markdown.iterdir())
    theme = {key: value for key, value in real["theme"].items() if key != "custom_dir"}

    def prefixed(items, language):
        if isinstance(items, str):
            return f"{language}/{items}"
        if isinstance(items, list):
            return [prefixed(item, language) for item in items]
        return {title: prefixed(value, language) for title, value in items.items()}

    return write_config(
        project,
        "mkdocs.plain.yml",
        {
            "site_name": real["site_name"],
            "site_url": SITE_URL,
            "docs_dir": str(markdown),
            "theme": theme,
            "plugins": ["search"],
            "markdown_extensions": real["markdown_extensions"],
            "nav": [{language: prefixed(real["nav"], language)} for language in languages],
        },
    )


# --- Building and measuring --------------------------------------------------------------------


def build(project: Path, config_file: Path, site: Path) -> tuple[float, float]:
    """One `mkdocs build` in a child process: (wall seconds, peak memory in MB)."""
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "MUTUALISER_KIT": "0"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config_file, "-d", site]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=project, env=env, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own resource usage
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            errors.seek(0)
            sys.exit(f"build of {config_file} failed:\n{errors.read().decode()}")
    return seconds, usage.ru_maxrss / 1024  # Linux counts ru_maxrss in KB


def index_size(path: Path) -> str:
    raw = path.read_bytes()
    return f"{len(raw) / 1000:.0f}/{len(gzip.compress(raw, compresslevel=6)) / 1000:.0f}"


def measure(project: Path, config_file: Path, runs: int) -> Measure:
    site = project / f"site-{config_file.stem}"
    times, peaks = zip(*(build(project, config_file, site) for _ in range(runs)), strict=True)
    indexes = {
        index.parent.parent.relative_to(site).as_posix(): index
        for index in site.rglob("search/search_index.json")
    }
    # Ours: French at the root, English under en/. Plain: one index for both languages.
    root = "fr" if len(indexes) > 1 else "fr+en"
    indexes = {(root if key == "." else key): path for key, path in indexes.items()}
    return Measure(
        seconds=round(statistics.median(times), 2),
        peak_mb=round(statistics.median(peaks)),
        pages=sum(1 for _ in site.rglob("*.html")),
        site_mb=round(sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6, 1),
        search_kb={key: index_size(path) for key, path in sorted(indexes.items())},
    )


def bench_set(workspace: Path, name: str, cases: int, runs: int) -> dict:
    project = copy_project(workspace / name)
    if cases:
        add_case_studies(project, cases)
    print(f"{name}: capturing the Markdown, then {runs} builds of each kind", file=sys.stderr)
    plain = plain_config(project, capture_markdown(project))
    ours = measure(project, project / "mkdocs.yml", runs)
    alone = measure(project, plain, runs)
    return {
        "set": name,
        "synthetic_cases_per_language": cases,
        "ours": asdict(ours),
        "plain": asdict(alone),
        "time_ratio": round(ours.seconds / alone.seconds, 2),
        "memory_ratio": round(ours.peak_mb / alone.peak_mb, 2),
    }


def measure_kit(project: Path) -> dict:
    """The trainers' kit, made once on the real set's built site: seconds and sizes."""
    from macros.data import load_site_data
    from macros.offline_copy import write_offline_copies
    from macros.trainers_kit import write_sheets

    data = load_site_data(project / "data")
    site = project / "site-mkdocs"
    start = time.perf_counter()
    write_sheets(
        data, site, SITE_URL, config(project)["extra"]["licence"], datetime.now(UTC).date()
    )
    sheets = time.perf_counter() - start
    zips = write_offline_copies(data, site, SITE_URL)
    offline = time.perf_counter() - start - sheets
    pdfs = list(site.glob("kit/*/*.pdf"))
    return {
        "sheets_seconds": round(sheets, 2),
        "sheets": len(pdfs),
        "sheets_kb": round(sum(pdf.stat().st_size for pdf in pdfs) / 1000),
        "offline_seconds": round(offline, 2),
        "offline_kb": {path.stem: round(path.stat().st_size / 1000) for path in zips},
    }


# --- Profile -----------------------------------------------------------------------------------

PACKAGES = {
    "our macros and hooks": ("/macros/", "/hooks/"),
    "mkdocs-material": ("/material/",),
    "mkdocs-macros": ("/mkdocs_macros/",),
    "mkdocs-static-i18n": ("/mkdocs_static_i18n/",),
    "mkdocs": ("/mkdocs/",),
    "jinja2": ("/jinja2/", "<template>"),
    "markdown + pymdown": ("/markdown/", "/pymdownx/"),
    "yaml": ("/yaml/",),
    "jsonschema": ("/jsonschema", "/referencing/"),
}


def profile(workspace: Path, cases: int) -> str:
    """Profile one build of our site with `cases` synthetic case studies, in this process."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project = copy_project(workspace / "profile")
    add_case_studies(project, cases)
    os.environ.update(SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1")
    cwd = Path.cwd()
    os.chdir(project)
    profiler = cProfile.Profile()
    try:
        loaded = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
        profiler.runcall(mkdocs_build, loaded)
    finally:
        os.chdir(cwd)
    stats = pstats.Stats(profiler)
    by_package: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own_time, _, _) in stats.stats.items():
        package = next(
            (name for name, marks in PACKAGES.items() if any(m in filename for m in marks)),
            "python and others",
        )
        by_package[package] += own_time
    total = sum(by_package.values())
    lines = [f"Profile of one build with {cases} synthetic case studies per language", ""]
    lines += ["Own time by package:"]
    lines += [
        f"  {name:<24}{seconds:7.2f} s {100 * seconds / total:5.1f} %"
        for name, seconds in sorted(by_package.items(), key=lambda item: -item[1])
    ]
    for title, order, restriction in (
        ("Our functions, by time with what they call", "cumulative", r"/(macros|hooks)/"),
        ("Top functions by own time", "tottime", ""),
        ("Top functions by cumulative time", "cumulative", ""),
    ):
        listing = StringIO()
        pstats.Stats(profiler, stream=listing).sort_stats(order).print_stats(restriction, 20)
        lines += ["", f"{title}:", listing.getvalue().split("\n\n", 2)[-1].rstrip()]
    return "\n".join(lines)


# --- Report ------------------------------------------------------------------------------------


def targets(results: list[dict]) -> list[str]:
    """Issue 5's targets, each with its measure and whether it is met."""
    sets = {result["set"]: result for result in results}
    checks = []
    if "real" in sets:
        seconds = sets["real"]["ours"]["seconds"]
        checks.append(("real bilingual site <= 2 s", f"{seconds} s", seconds <= 2))
        ratio = sets["real"]["time_ratio"]
        checks.append(("macros and hooks <= 1.25 x plain (real)", f"{ratio} x", ratio <= 1.25))
    if "cases-1000" in sets:
        big = sets["cases-1000"]
        ratio = big["time_ratio"]
        checks.append(("macros and hooks <= 1.25 x plain (1000)", f"{ratio} x", ratio <= 1.25))
        seconds, peak = big["ours"]["seconds"], big["ours"]["peak_mb"]
        checks.append(("1000 cases x 2 languages <= 15 s", f"{seconds} s", seconds <= 15))
        checks.append(("1000 cases x 2 languages <= 300 MB", f"{peak} MB", peak <= 300))
    if {"cases-100", "cases-1000"} <= sets.keys():
        growth = sets["cases-1000"]["ours"]["seconds"] / sets["cases-100"]["ours"]["seconds"]
        checks.append(("linear: time(1000) <= 11 x time(100)", f"{growth:.1f} x", growth <= 11))
    return [f"{'met    ' if met else 'NOT met'}  {name}: {value}" for name, value, met in checks]


def table(results: list[dict]) -> str:
    header = (
        f"{'set':<11}{'build':<7}{'time':>8}{'peak':>8}{'pages':>7}{'site':>8}"
        f"{'search index KB':>28}{'x time':>8}{'x mem':>7}"
    )
    lines = [header, "-" * len(header)]
    for result in results:
        for kind in ("ours", "plain"):
            m = result[kind]
            index = " ".join(f"{lang} {kb}" for lang, kb in m["search_kb"].items())
            ratios = (
                f"{result['time_ratio']:>8}{result['memory_ratio']:>7}" if kind == "ours" else ""
            )
            lines.append(
                f"{result['set']:<11}{kind:<7}{m['seconds']:>7.2f}s{m['peak_mb']:>6.0f}MB"
                f"{m['pages']:>7}{m['site_mb']:>6.1f}MB{index:>28}{ratios}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--profile", action="store_true", help="also profile the largest set")
    args = parser.parse_args(argv)

    BENCH.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mutualiser-bench-") as temporary:
        workspace = Path(temporary)
        sets = [("real", 0), *((f"cases-{size}", size) for size in args.sizes)]
        results = [bench_set(workspace, name, cases, args.runs) for name, cases in sets]
        kit = measure_kit(workspace / "real")
        if args.profile:
            report = profile(workspace, max(args.sizes, default=0))
            (BENCH / "profile.txt").write_text(report + "\n", encoding="utf-8")

    output = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "runs": args.runs,
        "results": results,
        "targets": targets(results),
        "trainers_kit": kit,
    }
    (BENCH / "results.json").write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")
    print(table(results), "", "Targets (issue 5):", *targets(results), sep="\n")
    print(
        f"\nTrainers' kit, on the real site (not in the builds above): {kit['sheets']} sheets and"
        f" booklets in {kit['sheets_seconds']} s ({kit['sheets_kb']} KB), offline copies in"
        f" {kit['offline_seconds']} s ({kit['offline_kb']} KB)"
    )
    if args.profile:
        print("\nProfile: bench/profile.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
