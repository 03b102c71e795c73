"""The project's own exceptions; their messages name the file, rule id or offset."""

from __future__ import annotations


class WorkreportError(Exception):
    """Base class of every error the toolkit raises on purpose."""


class RuleError(WorkreportError):
    """A pattern file is malformed: unknown key, duplicate id, pattern that won't compile."""


class InputError(WorkreportError):
    """A document cannot be read as text: undecodable, empty, binary, unsupported."""
