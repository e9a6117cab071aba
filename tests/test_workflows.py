"""The CI workflows are valid, least-privileged and pinned."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

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
