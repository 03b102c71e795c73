"""``python -m extractor``: the ``workreport`` command line."""

from __future__ import annotations

from extractor.cli.main import app

if __name__ == "__main__":
    app(prog_name="workreport")
