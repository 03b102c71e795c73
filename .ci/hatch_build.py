"""The wheel's build hook: hatch-mypyc's, except for editable installs and failed compiles,
and the native scanning primitives (``extractor/text/_native.c``).

A wheel (``pip install .``) gets the parsing modules compiled by mypyc and the C module
``extractor.text._native`` built; both are written next to their sources, where a
checkout's ``python -m pytest`` and ``benchmarks/bench.py`` use them too.  An editable
install (``pip install -e .``) is for changing those sources: it compiles nothing and
removes the compiled modules an earlier build left, which would otherwise be imported
instead of the edited sources.  Where a compile fails (no C compiler, a mypy release that
rejects the code), the wheel is built without it, with a notice: slower, never
uninstallable; the package runs the pure-Python path where the native module is absent
(``extractor.text.native``).  The hook lives here, with the CI scripts, because the
project's top level is fixed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tempfile
from glob import glob
from typing import Any

from hatch_mypyc.plugin import MypycBuildHook

#: The native modules: (module, source), built with setuptools' build_ext in place.
NATIVE = (("extractor.text._native", "extractor/text/_native.c"),)

#: Builds the native modules in place (a child process: setuptools reads no project file
#: this way, and a crash of the compiler cannot take the build with it).
_BUILD_EXT = """
import sys
from setuptools import Distribution, Extension
from setuptools.command.build_ext import build_ext
modules = [Extension(name, [source], extra_compile_args=["-O2"]) for name, source in
           zip(sys.argv[2::2], sys.argv[3::2])]
cmd = build_ext(Distribution({"name": "workreport-native", "ext_modules": modules}))
cmd.inplace, cmd.force = True, True
cmd.build_temp = cmd.build_lib = sys.argv[1]  # nothing left in the project but the module
cmd.ensure_finalized()
cmd.run()
"""


class MypycUnlessEditable(MypycBuildHook):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            self.clean([version])
            self.clean_native()
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
        self.build_native(build_data)

    def native_files(self) -> list[str]:
        suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
        return [os.path.join(self.root, *m.split(".")) + suffix for m, _ in NATIVE]

    def clean_native(self) -> None:
        for module, _ in NATIVE:
            for path in glob(os.path.join(self.root, *module.split(".")) + ".*"):
                if path.endswith((".so", ".pyd")):
                    os.remove(path)

    def build_native(self, build_data: dict[str, Any]) -> None:
        """Build the C modules in place, or say in one line why the wheel goes without."""
        self.clean_native()
        args = [a for module, source in NATIVE for a in (module, source)]
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run(
                [sys.executable, "-c", _BUILD_EXT, tmp, *args],
                cwd=self.root, capture_output=True, text=True, check=False,
            )  # fmt: skip
        if done.returncode != 0 or not all(map(os.path.exists, self.native_files())):
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            print(
                f"workreport: the native scanning module was not built ({last[:160]}); "
                "the parser runs its pure-Python path",
                file=sys.stderr,
            )
            return
        build_data["infer_tag"] = True
        build_data["pure_python"] = False
        for path in self.native_files():
            build_data["artifacts"].append("/" + os.path.relpath(path, self.root))


def get_build_hook() -> type[MypycUnlessEditable]:
    """The hook hatchling loads from this file (it sees the base class here too)."""
    return MypycUnlessEditable
