"""The CI workflows are valid, least-privileged and pinned."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from tools.project import copy_project, run_in_copy

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def test_there_are_check_and_deploy_workflows():
    assert {"check.yml", "deploy.yml"} <= {w.name for w in WORKFLOWS}


def test_workflows_match_the_github_schema():
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--no-progress", *WORKFLOWS],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.name)
def test_permissions_are_granted_per_job_only(workflow):
    content = yaml.safe_load(workflow.read_text("utf-8"))
    assert content["permissions"] == {}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.name)
def test_every_action_is_pinned_by_full_commit_sha(workflow):
    uses = re.findall(r"uses:\s*([^\s#]+)", workflow.read_text("utf-8"))
    remote = [u for u in uses if not u.startswith("./")]
    assert all(re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u) for u in remote), remote


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.name)
def test_every_checkout_fetches_the_whole_history_the_page_dates_need(workflow):
    content = yaml.safe_load(workflow.read_text("utf-8"))
    checkouts = [
        step
        for job in content["jobs"].values()
        for step in job.get("steps", ())
        if step.get("uses", "").startswith("actions/checkout@")
    ]
    for step in checkouts:
        assert step["with"]["fetch-depth"] == 0, workflow.name


# --- File names cannot steer CI ------------------------------------------------------------------

# Names a pull request may add: options, spaces, quotes, a line break, accents, a leading dash.
HOSTILE_NAMES = [
    "--all",
    "--help",
    "-h",
    "docs/fr/--done",
    "docs/fr/réseau été.md",
    'docs/fr/a "quoted" name.md',
    "docs/fr/two\nlines.md",
    "docs/fr/ leading space.md",
    "docs/fr/$(touch pwned).md",
]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.name)
def test_no_run_step_expands_anything_unquoted(workflow):
    """No `$(...)` (its output split into words, each read as an argument) and every `${VAR}`
    inside double quotes."""
    content = yaml.safe_load(workflow.read_text("utf-8"))
    for job in content["jobs"].values():
        for step in job.get("steps", ()):
            script = step.get("run", "")
            assert "$(" not in script, (workflow.name, script)
            assert "`" not in script, (workflow.name, script)
            unquoted = re.sub(r'"[^"]*"', "", script)
            assert "$" not in unquoted, (workflow.name, script)


def git(project: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_changed_files_are_read_name_by_name_whatever_the_names(tmp_path):
    from macros.contribute.github_report import changed_files

    git(tmp_path, "init", "-q")
    (tmp_path / "README").write_text("base")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    base = git(tmp_path, "rev-parse", "HEAD").strip()
    for name in HOSTILE_NAMES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "hostile names")
    assert sorted(changed_files(base, tmp_path)) == sorted(HOSTILE_NAMES)
    assert not (tmp_path / "pwned").exists()
    # What is not a commit id never reaches git, where it could be an option.
    assert changed_files("--output=/tmp/x", tmp_path) == []


def test_french_changed_alone_is_flagged_even_among_files_named_like_options(tmp_path):
    """The translations check of a pull request: files named `--help` or `--all` can neither
    switch it off nor widen it, and a French page whose name has accents is checked."""
    project = copy_project(tmp_path)
    page = project / "docs/fr/guide/champs.md"
    accented = project / "docs/fr/réseau été.md"
    accented.write_text(page.read_text("utf-8"), "utf-8")
    (project / "docs/en/réseau été.md").write_text(page.read_text("utf-8"), "utf-8")  # its twin
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "base")
    base = git(project, "rev-parse", "HEAD").strip()
    page.write_text(page.read_text("utf-8") + "\nUne phrase de plus.\n", "utf-8")
    accented.write_text(accented.read_text("utf-8") + "\nUne autre.\n", "utf-8")
    for name in HOSTILE_NAMES[:4]:
        (project / name).write_text("x")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "change")
    result = run_in_copy(
        project,
        "-m",
        "macros.contribute.check_translations",
        "--github",
        "--changed-since",
        base,
    )
    assert result.returncode == 0, result.stderr
    warned = re.findall(r"^::warning file=([^,]*),", result.stdout, flags=re.MULTILINE)
    assert sorted(warned) == ["docs/fr/guide/champs.md", "docs/fr/réseau été.md"]
