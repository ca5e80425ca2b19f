"""The whole report for a claim base: what `factcheck export` writes in every format.

A report holds the conflicts (filtered as `factcheck conflicts` filters them), the claims by
subject, the citation findings, the sources and the footnotes, with factcheck's version and
a fingerprint of the data. It holds no clock: the same claim files give the same bytes.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.citations import run_checks
from factcheck.collector import paused_gc
from factcheck.conflict_report import Severity
from factcheck.conflicts import find_conflicts
from factcheck.corpus import Corpus
from factcheck.fingerprints import file_digest
from factcheck.model import FootnoteRow
from factcheck.records import ClaimMaker, Records, ReportRecord, conflict_view
from factcheck.reliability import Ratings
from factcheck.retractions import Retractions


def fingerprint(corpus: Corpus) -> str:
    """A short hash of the claim files' contents, the same wherever the files lie (from the
    digests taken when the files were read)."""
    digests = sorted(
        corpus.digests.get(os.path.abspath(f)) or file_digest(Path(f)) for f in corpus.files
    )
    return hashlib.sha256("\n".join(digests).encode()).hexdigest()[:16]


@paused_gc()
def build_report(
    corpus: Corpus,
    *,
    subject: str | None = None,
    property: str | None = None,
    min_severity: Severity = Severity.low,
    today: date | None = None,
    retractions: Retractions | None = None,
    ratings: Ratings | None = None,
) -> ReportRecord:
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
    findings = run_checks(corpus, today=today, retractions=retractions, ratings=ratings)
    make = ClaimMaker(corpus, ratings)
    severities = {s.name: 0 for s in sorted(Severity, reverse=True)}
    for conflict in conflicts.conflicts:
        severities[conflict.severity.name] += 1
    counts = {
        "claims": len(claims),
        "documents": len({c.document for c in claims}),
        "sources": len(corpus.sources),
        "footnotes": len(corpus.footnotes),
        "conflicts": len(conflicts.conflicts),
        **{f"conflicts_{name}": n for name, n in severities.items()},
        "findings": len(findings),
    }
    return ReportRecord(
        version=__version__,
        fingerprint=fingerprint(corpus),
        counts=counts,
        # Claim records made as they are shown: a report may hold a million claims.
        conflicts=conflict_view(corpus, conflicts, None, lazy=True, make=make),
        claims=Records(make, claims),
        subject_names={sid: s.name for sid, s in corpus.subjects.items()},
        findings=tuple(findings),
        sources=tuple(make.source(corpus.sources[sid]) for sid in sorted(corpus.sources)),
        footnotes=Records(_footnote_data, [note for _, note in sorted(corpus.footnotes.items())]),
    )


def _footnote_data(note: FootnoteRow) -> dict[str, Any]:
    return {
        "document": note.document,
        "label": note.label,
        "text": note.text,
        "cites": [{"source": c.source, "pages": c.pages} for c in note.cites],
    }
