"""The audit of a parsed report: one finding per problem, by rule (``patterns/audit.toml``).

``extractor.audit.audit(report)`` gives a report's findings; ``RepeatedText`` finds the
sentences a batch's documents share.
"""

from extractor.audit.checks import RULES, SEVERITY_RANK, Finding, RepeatedText, audit

__all__ = ["RULES", "SEVERITY_RANK", "Finding", "RepeatedText", "audit"]
