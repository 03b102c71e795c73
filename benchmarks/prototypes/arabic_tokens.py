"""Builds benchmarks/prototypes/arabic_tokens.c, checks it against the Python, times both.

A prototype of issue 23 (see the C file): the Arabic number tokens of find_numbers, in C.
It compares the tokens with the Python's on every text of the corpora (folded) and on
generated digit-heavy text, then times the Python (the followed-by scan and ``_token``)
against the C over the corpus, in CPU time::

    python benchmarks/prototypes/arabic_tokens.py
"""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))


def build(tmp: Path) -> Any:
    target = tmp / f"arabic_tokens{sysconfig.get_config_var('EXT_SUFFIX')}"
    include = sysconfig.get_paths()["include"]
    cmd = ["cc", "-O2", "-shared", "-fPIC", f"-I{include}", str(HERE / "arabic_tokens.c"),
           "-o", str(target)]  # fmt: skip
    subprocess.run(cmd, check=True)
    spec = importlib.util.spec_from_file_location("arabic_tokens", target)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    from extractor.claims.figures import _followers
    from extractor.claims.units import unit_table
    from extractor.io.reading import read_document
    from extractor.rules.loader import default_rules
    from extractor.text import numbers as N
    from extractor.text.fold import fold

    before, _, _ = _followers(unit_table(default_rules()))
    arabic_re, _ = N._followed_by(frozenset(before))
    follow = "".join(sorted(ch for ch in before if len(ch) == 1))
    at_end = "" in before

    def python(text: str) -> list[Any]:
        return [t for m in arabic_re.finditer(text) if (t := N._token(m, True)) is not None]

    paths = sorted(ROOT.glob("corpora/*.txt"))
    shared = ROOT.parent / "shared" / "corpora"
    paths += sorted(shared.rglob("*.txt")) if shared.is_dir() else []
    texts = [fold(read_document(p).text) for p in paths]
    rng = random.Random(23)
    alphabet = "0123456789,，.%-—~至到 万亿千元吨年x。"
    generated = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
                 for _ in range(20000)]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        native = build(Path(tmp))

        def c(text: str) -> list[Any]:
            return list(native.arabic_tokens(text, follow, at_end, N.Number))

        differ = [t for t in texts + generated if c(t) != python(t)]
        print(f"{len(texts)} corpus texts and {len(generated)} generated: {len(differ)} differ")
        for t in differ[:5]:
            print(" ", repr(t[:60]), python(t)[:2], c(t)[:2])

        def cpu(fn: Any) -> float:
            best = 1e9
            for _ in range(5):
                t0 = time.process_time()
                for text in texts:
                    fn(text)
                best = min(best, time.process_time() - t0)
            return best

        py, nat = cpu(python), cpu(c)
        tokens = sum(len(python(t)) for t in texts)
        chars = sum(map(len, texts))
        print(f"{chars:,} characters, {tokens:,} tokens: Python {py * 1000:.1f} ms, "
              f"C {nat * 1000:.1f} ms (×{py / nat:.1f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
