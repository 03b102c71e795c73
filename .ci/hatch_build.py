"""The wheel's build hook: hatch-mypyc's, except for editable installs and failed compiles.

A wheel (``pip install .``) gets the parsing modules compiled by mypyc; the compiled
modules are written next to their sources, where a checkout's ``python -m pytest`` and
``benchmarks/bench.py`` use them too.  An editable install (``pip install -e .``) is for
changing those sources: it compiles nothing and removes the compiled modules an earlier
build left, which would otherwise be imported instead of the edited sources.  Where the
compile fails (no C compiler, a mypy release that rejects the code), the wheel is built
from the sources alone, with a warning: slower, never uninstallable.  The hook lives here,
with the CI scripts, because the project's top level is fixed.
"""

from __future__ import annotations

import sys
from typing import Any

from hatch_mypyc.plugin import MypycBuildHook


class MypycUnlessEditable(MypycBuildHook):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            self.clean([version])
            return
        try:
            super().initialize(version, build_data)
        except Exception as exc:  # the sources work alone: build the pure wheel instead
            self.clean([version])
            first = str(exc).strip().splitlines()[:12]
            print(
                "workreport: compiling with mypyc failed; building from the Python sources "
                "(the parser runs about a third slower):\n  " + "\n  ".join(first),
                file=sys.stderr,
            )


def get_build_hook() -> type[MypycUnlessEditable]:
    """The hook hatchling loads from this file (it sees the base class here too)."""
    return MypycUnlessEditable
