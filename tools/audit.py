"""`make audit`: Lighthouse, mobile preset, on eight pages served the way GitHub Pages serves them.

    python tools/audit.py [--port 8001]   # builds, serves, audits; prints a table

The site is built for the local address (so canonical and hreflang URLs match the server), served
by tools/serve_like_pages.py (gzip, Cache-Control: max-age=600), and audited by npm's lighthouse
on the system Chromium, offline: home, a guide step, a case study and the case listing, in French
and English. Writes audit/results.json (scores, metrics, the audits that cost points) and keeps
the raw reports in audit/reports/ (ignored by git). Exits 1 only when Lighthouse cannot run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path

from macros.site.i18n import LANGUAGES, language_root
from tools.chromium import FLAGS, find_chromium
from tools.serve_like_pages import pages_server

ROOT = Path(__file__).resolve().parent.parent

AUDIT = ROOT / "audit"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "",
    "step": "guide/champs/",
    "case study": "cas/mediatheques-de-la-baie/",
    "listing": "cas/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
    "total-byte-weight": "bytes",
}
CHROME_FLAGS = " ".join(["--headless=new", *FLAGS])


def chromium() -> str:
    found = find_chromium()
    if not found:
        sys.exit("No Chromium: run `make browser`, or set CHROME_PATH")
    return found


def build(site_dir: Path, url: str) -> None:
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", site_dir]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def lighthouse(url: str, report: Path) -> dict:
    """Run Lighthouse (mobile: its default) on `url`; returns the report (also written)."""
    command = [
        LIGHTHOUSE,
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--disable-full-page-screenshot",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": chromium()}
    if subprocess.run(command, env=env, check=False, timeout=300).returncode != 0:
        sys.exit(f"Lighthouse failed on {url}")
    return json.loads(report.read_text(encoding="utf-8"))


def summary(name: str, path: str, report: dict) -> dict:
    """What a reader of the table needs: scores, timings, and each audit that cost points."""
    audits, categories = report["audits"], report["categories"]
    lost = []
    for key in CATEGORIES:
        for ref in categories[key]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lost.append(f"{key}: {ref['id']}{shown}")
    return {
        "page": name,
        "path": path,
        "scores": {key: round(100 * (categories[key]["score"] or 0)) for key in CATEGORIES},
        "metrics": {short: audits[key]["numericValue"] for key, short in METRICS.items()},
        "lost_points": lost,
        "run_warnings": report.get("runWarnings", []),
    }


def table(results: list[dict]) -> str:
    header = f"{'page':<16}{'perf':>5}{'a11y':>5}{'best':>5}{'seo':>5}"
    header += f"{'FCP':>8}{'LCP':>8}{'TBT':>7}{'CLS':>6}{'KB':>6}"
    lines = [header, "-" * len(header)]
    for result in results:
        scores, metrics = result["scores"], result["metrics"]
        lines.append(
            f"{result['page']:<16}"
            + "".join(f"{scores[key]:>5}" for key in CATEGORIES)
            + f"{metrics['FCP'] / 1000:>7.2f}s{metrics['LCP'] / 1000:>7.2f}s"
            + f"{metrics['TBT']:>5.0f}ms{metrics['CLS']:>6.3f}{metrics['bytes'] / 1000:>6.0f}"
        )
    return "\n".join(lines)


def audit(url: str) -> list[dict]:
    reports = AUDIT / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    results = []
    for language in LANGUAGES:
        prefix = language_root(language)
        for kind, path in PAGES.items():
            name = f"{language} {kind}"
            print(f"auditing {name}: {url}{prefix}{path}", file=sys.stderr)
            report = lighthouse(url + prefix + path, reports / f"{name.replace(' ', '-')}.json")
            results.append(summary(name, prefix + path, report))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit("No Lighthouse: run `make node_modules`")

    with (
        tempfile.TemporaryDirectory() as temporary,
        pages_server(Path(temporary) / "site", args.port) as server,
    ):
        url = f"http://127.0.0.1:{server.server_port}/"  # known before the build, which needs it
        build(Path(temporary) / "site", url)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        results = audit(url)
        server.shutdown()

    version = json.loads((LIGHTHOUSE.resolve().parent.parent / "package.json").read_text())
    output = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "lighthouse": version["version"],
        "preset": "mobile (simulated slow 4G, 4x CPU slowdown)",
        "server": "tools/serve_like_pages.py: gzip, Cache-Control max-age=600",
        "pages": results,
    }
    (AUDIT / "results.json").write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    lost = [f"  {r['page']}: {', '.join(r['lost_points'])}" for r in results if r["lost_points"]]
    print("\nNo audit cost a point." if not lost else "\nAudits that cost points:", *lost, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
