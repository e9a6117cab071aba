"""`make search-stress`: the search index built many times in a row on a loaded machine, each
read back as the build's last step reads it (macros/build/integrity.py); any broken one fails.

    python -m tools.search_stress [--runs 100] [--load N] [--site DIR] [--pagefind-writes]

It builds the site once (without the trainers' kit) unless `--site` names a built one, keeps
`--load` processes spinning (by default one per core) and indexes its pages `--runs` times.
`--pagefind-writes` lets Pagefind write the files itself, as the build did before issue 24: its
binary answers before its writes reach the disk and is then stopped, which left a file empty
about once in 40 builds under load (pagefind-entry.json, most often).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from macros.build.integrity import search_index_problems
from macros.build.search_index import glossary_records, write_index
from macros.model import messages
from macros.registry import load_site_data
from macros.site.paths import SEARCH_FOLDER
from tools.project import copy_project, run_in_copy

ROOT = Path(__file__).resolve().parent.parent


def spin() -> None:
    while True:
        pass


async def pagefind_writes(site: Path, records: list[dict]) -> None:
    """The build's indexing before issue 24: Pagefind's `write_files`, then its service stopped."""
    from pagefind.index import IndexConfig, PagefindIndex

    output = str(site / SEARCH_FOLDER)
    async with PagefindIndex(config=IndexConfig(output_path=output)) as index:
        await index.add_directory(str(site), glob="**/*.html")
        for record in records:
            await index.add_custom_record(**record)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.search_stress", description=__doc__)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--load", type=int, default=os.cpu_count() or 2, help="busy processes")
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--pagefind-writes", action="store_true", help="the old way, to compare")
    arguments = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="search-stress-") as temporary:
        site = arguments.site
        if site is None:
            project = copy_project(Path(temporary) / "project")
            built = run_in_copy(project, "-m", "mkdocs", "build", "--strict", "-d", "out")
            if built.returncode != 0:
                print(built.stderr[-3000:], file=sys.stderr)
                return 1
            site = project / "out"
        records = glossary_records(load_site_data(ROOT / "data"))
        spinners = [
            multiprocessing.Process(target=spin, daemon=True) for _ in range(arguments.load)
        ]
        for spinner in spinners:
            spinner.start()
        broken, started = 0, time.perf_counter()
        try:
            for run in range(1, arguments.runs + 1):
                shutil.rmtree(site / SEARCH_FOLDER, ignore_errors=True)
                if arguments.pagefind_writes:
                    asyncio.run(pagefind_writes(site, records))
                else:
                    write_index(site, records)
                problems = search_index_problems(site)
                if problems:
                    broken += 1
                    print(f"run {run}:\n{messages.told(problems, ('en',))}", flush=True)
        finally:
            for spinner in spinners:
                spinner.terminate()
        seconds = time.perf_counter() - started
    way = "Pagefind writes" if arguments.pagefind_writes else "the build writes"
    print(
        f"{arguments.runs} indexes in {seconds:.0f} s under {arguments.load} busy processes: "
        f"{broken} broken ({way})"
    )
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
