"""The wheel's build hook: hatch-mypyc's, except for editable installs.

A wheel (``pip install .``) gets the parsing modules compiled by mypyc; the compiled
modules are written next to their sources, where a checkout's ``python -m pytest`` and
``benchmarks/bench.py`` use them too.  An editable install (``pip install -e .``) is for
changing those sources: it compiles nothing and removes the compiled modules an earlier
build left, which would otherwise be imported instead of the edited sources.  It lives
here, with the CI scripts, because the project's top level is fixed.
"""

from __future__ import annotations

from typing import Any

from hatch_mypyc.plugin import MypycBuildHook


class MypycUnlessEditable(MypycBuildHook):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            self.clean([version])
            return
        super().initialize(version, build_data)


def get_build_hook() -> type[MypycUnlessEditable]:
    """The hook hatchling loads from this file (it sees the base class here too)."""
    return MypycUnlessEditable
