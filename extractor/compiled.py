"""Which parsing modules run compiled by mypyc in this install.

A wheel built from this project (``pip install .``) compiles the modules every document
goes through (``[tool.hatch.build.targets.wheel.hooks.custom]`` in pyproject.toml lists
them; ``MODULES`` here must say the same, a test holds them together).  Compiled or not,
they behave alike; compiled, a parse takes about a quarter fewer instructions
(benchmarks/README.md, session 17).  An editable install, or a checkout nobody built, runs
the sources.
"""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path

#: The modules the build compiles, in the order pyproject.toml lists them.
MODULES = (
    "pipeline", "outline.layout", "outline.sections", "outline.measures", "text.sentences",
    "text.numbers", "text.numerals", "claims.units", "claims.words", "claims.figures",
    "claims.claims", "elements.placeholders", "elements.campaigns", "audit.checks",
    "text.fold", "elements.lexicon", "outline.kinds", "outline.periods", "export.rows",
    "claims.spans", "context", "text.rx", "claims.movements", "claims.indicators",
    "claims.compose", "outline.series",
)  # fmt: skip
_EXTENSIONS = (".so", ".pyd")


def _origin(name: str) -> str:
    spec = importlib.util.find_spec(f"extractor.{name}")
    return (spec.origin or "") if spec else ""


def compiled_modules() -> list[str]:
    """The modules of ``MODULES`` that import as compiled extensions here."""
    return [name for name in MODULES if _origin(name).endswith(_EXTENSIONS)]


def stale_modules(slack: float = 2.0) -> list[str]:
    """Compiled modules whose source beside them was changed after they were built
    (``slack`` seconds allowed: an install writes both): these ignore the change until
    the project is built again (``pip install .``, or ``pip install -e .`` to run the
    sources)."""
    stale = []
    for name in compiled_modules():
        binary = Path(_origin(name))
        source = binary.with_name(f"{name.rsplit('.', 1)[-1]}.py")
        if source.exists() and source.stat().st_mtime > binary.stat().st_mtime + slack:
            stale.append(name)
    return stale


def stale_binaries(package: Path, slack: float = 2.0) -> list[Path]:
    """Compiled extension files under ``package`` older than the source beside them: in a
    working tree built with ``pip install .`` (mypyc writes its modules next to the
    sources), they would run instead of an edited source.  A file walk, no import."""
    stale = []
    for suffix in _EXTENSIONS:
        for binary in package.rglob(f"*{suffix}"):
            stem = binary.name.split(".", 1)[0]  # a mypyc module's .py, a native one's .c
            for source in (binary.with_name(f"{stem}.py"), binary.with_name(f"{stem}.c")):
                if source.exists() and source.stat().st_mtime > binary.stat().st_mtime + slack:
                    stale.append(binary)
                    break
    return sorted(stale)


def warn_if_stale(package: Path | None = None) -> list[Path]:
    """Warn, naming the files and what to do, when compiled modules are older than their
    sources (called when the package is imported; silent in an installed wheel)."""
    stale = stale_binaries(package or Path(__file__).resolve().parent)
    if stale:
        names = ", ".join(str(p.relative_to(p.parents[2])) for p in stale[:5])
        warnings.warn(
            f"workreport: compiled modules older than their sources run instead of your "
            f"edits ({names}{' …' if len(stale) > 5 else ''}). Rebuild them with "
            "`pip install .`, or run the sources: `pip install -e .` removes them.",
            RuntimeWarning,
            stacklevel=3,
        )
    return stale
