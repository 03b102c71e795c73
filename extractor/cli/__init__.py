"""The ``workreport`` command line (typer and rich)."""
