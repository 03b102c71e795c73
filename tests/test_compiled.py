"""The mypyc build: the modules it compiles, and no compiled module older than its source."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from extractor.compiled import MODULES, compiled_modules, stale_modules

ROOT = Path(__file__).resolve().parents[1]


def test_the_build_compiles_the_modules_the_package_names() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    hook = project["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]
    assert hook["include"] == [f"extractor/{name.replace('.', '/')}.py" for name in MODULES]
    for name in MODULES:
        assert (ROOT / "extractor" / f"{name.replace('.', '/')}.py").is_file(), name


def test_no_compiled_module_is_older_than_its_source() -> None:
    stale = stale_modules()
    assert not stale, (
        f"compiled modules older than their sources: {stale}; they run instead of the "
        "edited code. Rebuild (pip install .) or run the sources (pip install -e .)"
    )


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="CI installs the compiled wheel")
def test_ci_runs_the_compiled_modules() -> None:
    """CI installs the project with `pip install .`: the tests run the compiled parser."""
    assert compiled_modules() == list(MODULES)


def test_the_source_distribution_carries_the_build_hook() -> None:
    """A wheel built from the sdist runs the same hook: the sdist must hold its file."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    targets = project["tool"]["hatch"]["build"]["targets"]
    hook = targets["wheel"]["hooks"]["custom"]["path"]
    assert (ROOT / hook).is_file()
    assert hook in targets["sdist"]["include"]


def test_a_compiled_module_older_than_its_source_is_named_at_import(tmp_path):
    """A working tree built with `pip install .` holds mypyc's modules beside the sources;
    edit a source and the old binary would run silently.  Importing the package warns."""
    import warnings

    from extractor.compiled import warn_if_stale

    package = tmp_path / "extractor" / "claims"
    package.mkdir(parents=True)
    binary = package / "claims.cpython-311-x86_64-linux-gnu.so"
    binary.write_bytes(b"")
    source = package / "claims.py"
    source.write_text("# edited\n", encoding="utf-8")
    os.utime(binary, (1_000_000, 1_000_000))  # built long before the edit
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert warn_if_stale(tmp_path / "extractor") == [binary]
    assert len(caught) == 1 and "claims/claims" in str(caught[0].message)
    assert "pip install -e ." in str(caught[0].message)
    os.utime(binary, None)  # rebuilt: no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert warn_if_stale(tmp_path / "extractor") == []
