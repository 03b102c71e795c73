"""Coverage-guided fuzzing with atheris (optional; not part of the pytest suite).

    pip install atheris
    python tests/fuzz/fuzz_inputs.py -atheris_runs=100000 [corpus_dir]

Each input's first byte picks a target: parse the bytes decoded as text, decode them as a
plain-text file, or read them as a .docx, .pdf or .html file.  Only
:class:`~extractor.errors.InputError` may escape a reader; ``parse`` must never raise, and
every span must hold ``text[start:end]``.  A crash is written to ``crash-<sha1>``.
"""

from __future__ import annotations

import sys
import tempfile
import warnings
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from extractor import parse
    from extractor.errors import InputError
    from extractor.io.reading import decode_bytes, read_document

SUFFIXES = (".docx", ".pdf", ".html")
_folder = Path(tempfile.mkdtemp(prefix="workreport-fuzz-"))


def check(text: str) -> None:
    report = parse(text)
    for span in (*report.sections, *report.measures, *report.claims, *report.placeholders):
        assert report.text[span.start : span.end] == span.text, span


def target(data: bytes) -> None:
    if not data:
        return
    choice, body = data[0] % 5, data[1:]
    if choice == 0:
        check(body.decode("utf-8", errors="ignore"))
        return
    try:
        if choice == 1:
            text, _ = decode_bytes(body)
        else:
            path = _folder / f"input{SUFFIXES[choice - 2]}"
            path.write_bytes(body)
            text = read_document(path).text
    except InputError:
        return
    check(text)


def main() -> None:
    warnings.simplefilter("ignore")
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
