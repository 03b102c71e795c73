"""The audit of a parsed report: one finding per problem, in reading order.

The rules' patterns are in ``patterns/audit.toml``, their messages in ``patterns/messages.toml``.

``extractor.audit.audit(report)`` gives a report's findings; ``RepeatedText`` finds the
sentences a batch's documents share.
"""

from extractor.audit.checks import RULES, SEVERITY_RANK, RepeatedText, audit
from extractor.model import Finding

__all__ = ["RULES", "SEVERITY_RANK", "Finding", "RepeatedText", "audit"]
