"""What a worker needs before its first part, made once where the workers are forked from.

:func:`extractor.batch.cluster.client_for` starts a LocalCluster's worker processes from a
fork server that imported this module first: each worker then starts with Dask, pandas,
Arrow, the parser and the row builders imported, the shipped rules built and the term
cutter's dictionary loaded (and frozen out of the garbage collector's sight), instead
of each importing and building them itself (each took seconds of CPU, twice on a machine
of two cores)."""

from __future__ import annotations

from extractor.batch.parts import run_part
from extractor.batch.run import settle

__all__ = ["run_part"]

settle()  # builds the rules, loads the dictionary, freezes what is made so far
