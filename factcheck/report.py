"""The whole report for a claim base: what `factcheck export` writes in every format.

A report holds the conflicts (filtered as `factcheck conflicts` filters them), the claims by
subject, the citation findings, the sources and the footnotes, with factcheck's version and
a fingerprint of the data. It holds no clock: the same claim files give the same bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from factcheck import __version__
from factcheck.citations import Finding, run_checks
from factcheck.collector import paused_gc
from factcheck.conflict_report import Report, Severity
from factcheck.conflicts import find_conflicts
from factcheck.corpus import Corpus
from factcheck.model import Claim

#: Version of the JSON report's layout (`factcheck schema --report` describes it).
REPORT_SCHEMA_VERSION = 1


@dataclass
class FullReport:
    """Everything an export shows."""

    corpus: Corpus
    conflicts: Report
    findings: list[Finding]
    claims: list[Claim]
    fingerprint: str
    version: str = __version__

    def counts(self) -> dict[str, int]:
        severities = {s.name: 0 for s in sorted(Severity, reverse=True)}
        for conflict in self.conflicts.conflicts:
            severities[conflict.severity.name] += 1
        return {
            "claims": len(self.claims),
            "documents": len({c.document for c in self.claims}),
            "sources": len(self.corpus.sources),
            "footnotes": len(self.corpus.footnotes),
            "conflicts": len(self.conflicts.conflicts),
            **{f"conflicts_{name}": n for name, n in severities.items()},
            "findings": len(self.findings),
        }


def fingerprint(corpus: Corpus) -> str:
    """A short hash of the claim files' contents, the same wherever the files lie."""
    digests = sorted(hashlib.sha256(Path(f).read_bytes()).hexdigest() for f in corpus.files)
    return hashlib.sha256("\n".join(digests).encode()).hexdigest()[:16]


@paused_gc()
def build_report(
    corpus: Corpus,
    *,
    subject: str | None = None,
    property: str | None = None,
    min_severity: Severity = Severity.low,
    today: date | None = None,
) -> FullReport:
    """The report for a corpus loaded leniently (`load_corpus(..., strict=False)`), so that
    broken references appear among the citation findings rather than stopping it."""
    conflicts = find_conflicts(
        corpus, subject=subject, property=property, min_severity=min_severity
    )
    claims = sorted(
        (
            c
            for c in corpus.claims.values()
            if (subject is None or c.subject == subject)
            and (property is None or c.property == property)
        ),
        key=lambda c: (c.subject, c.property, c.id),
    )
    return FullReport(
        corpus, conflicts, run_checks(corpus, today=today), claims, fingerprint(corpus)
    )
