"""The house plan: the code's layers import only downwards, the build is one pipeline that runs
every step, each output folder is declared once, and each kind's schema is its record.

None of these needs a site build: they read the code, the declarations and the schemas.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

from macros.model.data import RESERVED_FOLDERS
from macros.registry import KINDS
from macros.site.outputs import OUTPUTS

# Each layer of macros/ and the layers it may import (its own included). The registry joins the
# kinds with their pages; the build's steps (macros/build/) may use any layer.
LAYERS = {
    "site": {"site"},
    "model": {"site", "model"},
    "kinds": {"site", "model", "kinds"},
    "render": {"site", "model", "render", "publish"},
    "publish": {"site", "model", "render", "publish", "registry", "site_cache"},
    "kit": {"site", "model", "render", "kit"},
    "contribute": {"site", "model", "render", "kit", "contribute", "registry", "site_cache"},
}


def macros_imports(path) -> set[str]:
    """The first part under `macros.` of every module `path` imports ("model", "registry"...)."""
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {name.split(".")[1] for name in names if name.startswith("macros.")}
    return found


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_each_layer_imports_only_the_layers_below_it(layer):
    modules = sorted((ROOT / "macros" / layer).glob("*.py"))
    assert modules
    for module in modules:
        above = macros_imports(module) - LAYERS[layer]
        assert not above, f"{module.relative_to(ROOT)} imports macros.{', macros.'.join(above)}"


def test_the_model_loads_neither_templates_nor_html_parsers_nor_qr_codes():
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, macros.model.data, macros.model.messages, macros.model.kind;"
            "print(' '.join(sorted(sys.modules)))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "macros.model.data" in loaded
    assert not {"jinja2", "bs4", "segno", "weasyprint", "markupsafe"} & set(loaded)
    assert not [name for name in loaded if name.startswith(("macros.render", "macros.registry"))]


def test_the_messages_are_read_by_the_loader_once_like_every_data_file():
    """Wording a problem reads data/messages.yml through the loader (macros/model/data.py), and
    loading the data then finds it parsed: no second reader, no second parse."""
    script = (
        "from pathlib import Path; from macros.model import data, messages;"
        "parsed = []; parse = data.read_yaml;"
        "data.read_yaml = lambda path, *rest: parsed.append(path.name) or parse(path, *rest);"
        "messages.both('file.missing'); print(*parsed);"
        "from macros.registry import load_site_data; load_site_data(Path('data'));"
        "print(parsed.count('messages.yml'), len(parsed) > 50)"
    )
    printed = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert printed == ["messages.yml", "1 True"]


def test_the_package_imports_nothing_but_itself():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, macros; print(' '.join(sorted(sys.modules)))"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert [name for name in loaded if name.startswith("macros")] == ["macros"]


# Who may still edit the import path, and why.
PATH_EDITS = {
    # MkDocs loads a hook as a lone file: the pipeline puts the project's root on the path once.
    "hooks/pipeline.py",
    # Both build another copy of the project in their own process, with that copy's code.
    "tools/bench.py",
    "tools/serve.py",
}


def test_no_python_file_edits_the_import_path_but_those_that_load_a_project():
    editing = [
        path.relative_to(ROOT).as_posix()
        for folder in ("macros", "tools", "tests", "hooks")
        for path in (ROOT / folder).rglob("*.py")
        if "sys.path.insert" in path.read_text("utf-8") and path.name != "test_house.py"
    ]
    assert set(editing) == PATH_EDITS


# --- One pipeline -----------------------------------------------------------------------------


def pipeline_source() -> str:
    return (ROOT / "hooks" / "pipeline.py").read_text("utf-8")


def test_the_build_runs_one_hook_the_pipeline():
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert config["hooks"] == ["hooks/pipeline.py"]
    assert sorted(path.name for path in (ROOT / "hooks").glob("*.py")) == ["pipeline.py"]


def test_the_pipeline_runs_every_step_module():
    steps = {
        path.stem
        for path in (ROOT / "macros" / "build").glob("*.py")
        if path.stem not in ("__init__", "state")
    }
    assert len(steps) >= 15
    tree = ast.parse(pipeline_source())
    called = {
        node.value.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
    }
    assert steps - called == set(), "steps no event of hooks/pipeline.py calls"


def test_no_step_keeps_state_of_its_own():
    """State lives on the pipeline's Build object: no step module assigns to a module global."""
    for path in (ROOT / "macros" / "build").glob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        assert not [node for node in ast.walk(tree) if isinstance(node, ast.Global)], path.name
        mutable = [
            target.id
            for node in tree.body
            if isinstance(node, ast.AnnAssign | ast.Assign)
            and isinstance(node.value, ast.Dict | ast.List | ast.Set)
            and not (
                node.value.elts if isinstance(node.value, ast.List | ast.Set) else node.value.keys
            )
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        ]
        assert mutable == [], f"{path.name} keeps {mutable} between events"


def test_every_output_folder_is_made_by_a_step_of_the_pipeline():
    sys.path.insert(0, str(ROOT / "hooks"))  # as MkDocs loads it
    try:
        import pipeline
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    whole_site = {step.write.__module__.rpartition(".")[2] for step in pipeline.WHOLE_SITE}
    for output in OUTPUTS:
        assert output.made_by == "theme" or output.made_by in whole_site, output
        if output.made_by != "theme":
            step = next(
                s for s in pipeline.WHOLE_SITE if s.write.__module__.endswith(output.made_by)
            )
            assert step.quick is not output.whole_site, output  # serve's quick build skips it


def test_no_short_link_may_take_an_output_folders_name():
    for output in OUTPUTS:
        assert output.folder in RESERVED_FOLDERS
    assert "pagefind" in RESERVED_FOLDERS


# --- Each fact once ---------------------------------------------------------------------------

# Schema keys a record holds under another name, and record fields derived rather than written.
RENAMED = {"added": "dates", "updated": "dates", "type": "partner_type"}
DERIVED = {"data_file", "case_studies"}


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_a_kinds_schema_properties_are_its_records_fields(kind):
    """A field added to the schema but not to the record would be validated, then dropped."""
    schema = json.loads((ROOT / "data" / "schemas" / kind.schema).read_text("utf-8"))
    properties = {RENAMED.get(name, name) for name in schema["properties"]}
    fields = {field.name for field in dataclasses.fields(kind.record)} - DERIVED
    assert properties == fields


# --- The tiers -------------------------------------------------------------------------------------


def runs_a_build(function: ast.FunctionDef, helpers: set[str]) -> bool:
    """Whether `function` runs MkDocs' build (`mkdocs build` in a subprocess, build_site) or calls
    or takes as a fixture one of `helpers`, the module's functions that do."""
    names = {argument.arg for argument in function.args.args}
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            words = [each.value for each in ast.walk(node) if isinstance(each, ast.Constant)]
            called = node.func.id if isinstance(node.func, ast.Name) else ""
            if ("mkdocs" in words and "build" in words) or called in {"build_site", *helpers}:
                return True
    return bool(names & helpers)


def marked_build(function: ast.FunctionDef) -> bool:
    return any("mark.build" in ast.unparse(decorator) for decorator in function.decorator_list)


@pytest.mark.parametrize("module", sorted(path.name for path in (ROOT / "tests").glob("test_*.py")))
def test_a_test_that_builds_a_site_is_in_the_build_tier(module):
    """`make test-fast` leaves out the tests marked `build`: a test that runs a build itself (not
    through a fixture of conftest.BUILDS) says so, or the fast tier takes a minute again."""
    from conftest import BUILDS

    tree = ast.parse((ROOT / "tests" / module).read_text("utf-8"))
    if "pytestmark = pytest.mark.build" in ast.unparse(tree):
        return
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    helpers: set[str] = set()
    covered = set(BUILDS)  # fixtures whose tests conftest marks
    for _ in functions:  # until nothing changes: a helper may call another
        for function in functions:
            arguments = {argument.arg for argument in function.args.args}
            if arguments & covered or marked_build(function):
                covered.add(function.name)
            if runs_a_build(function, helpers):
                helpers.add(function.name)
    unmarked = [
        function.name
        for function in functions
        if function.name.startswith("test_")
        and function.name in helpers
        and function.name not in covered
    ]
    assert not unmarked, f"{module}: mark {unmarked} @pytest.mark.build"
