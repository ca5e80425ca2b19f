"""The whole report for a claim base: what `factcheck export` writes in every format.

A report holds the conflicts (filtered as `factcheck conflicts` filters them), the claims by
subject, the citation findings, the sources and the footnotes, with factcheck's version and
a fingerprint of the data. It holds no clock and no folder: files are named from the claim
base (the files and folders the claims were read from), so the same claim files give the
same bytes wherever they lie.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.checks import Finding
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


class FileNames:
    """Claim files named as a report names them: relative to the folder of the claim base
    they were found in (a file given by itself, by its name), so that the name does not
    depend on where the base lies. With several bases, each name starts with its base's
    own name (`claims/a.yaml`, `extra/b.yaml`), so that files of two bases stay apart."""

    def __init__(self, bases: Sequence[Path | str], files: Sequence[str] = ()) -> None:
        found = {os.path.abspath(b): os.path.isdir(b) for b in bases}
        # The deepest base first: a file under two given folders is named from the nearer.
        self._bases = sorted(found.items(), key=lambda b: -len(b[0]))
        self._prefixed = len(found) > 1
        # Each file as it was read and as an absolute path, the longest first, and the
        # folders they lie in: a text that names none of these names no file.
        self._spelled = {form: f for f in files for form in (f, os.path.abspath(f))}
        self._folders = {os.path.dirname(form) for form in self._spelled}
        self._mention: re.Pattern[str] | None = None
        self._named: dict[str, str] = {}

    def __call__(self, file: str) -> str:
        name = self._named.get(file)
        if name is None:
            name = self._named[file] = self._name(file)
        return name

    def _name(self, file: str) -> str:
        path = os.path.abspath(file)
        for base, is_dir in self._bases:
            inside = is_dir and path.startswith(base.rstrip(os.sep) + os.sep)
            if inside:
                name = os.path.relpath(path, base)
                if self._prefixed:
                    name = os.path.join(os.path.basename(base) or os.sep, name)
                return name.replace(os.sep, "/")
        # A file given by itself, or (through a link) reached outside every base.
        return os.path.basename(path)

    def in_text(self, text: str) -> str:
        """`text` with every mention of a claim file (as read, or absolute) named."""
        if not any(folder in text for folder in self._folders):
            return text
        if self._mention is None:
            forms = sorted(self._spelled, key=len, reverse=True)
            self._mention = re.compile("|".join(re.escape(f) for f in forms))
        return self._mention.sub(lambda m: self(self._spelled[m[0]]), text)


def _named_finding(finding: Finding, names: FileNames) -> Finding:
    """A finding whose file, and any claim file its message mentions, are named."""
    return dataclasses.replace(
        finding,
        file=names(finding.file) if finding.file else finding.file,
        message=names.in_text(finding.message),
    )


def _common_folder(files: Sequence[str]) -> str:
    """The deepest folder holding every file: the claim base when none is given."""
    return os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in files])


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
    base: Sequence[Path | str] | None = None,
    assess: bool = False,
) -> ReportRecord:
    """The report for a corpus loaded leniently (`load_corpus(..., strict=False)`), so that
    broken references appear among the citation findings rather than stopping it. Files are
    named from `base`, the files and folders the corpus was read from (by default, the
    deepest folder holding every file). `assess` says which side of each conflict the
    evidence favours (`factcheck.assessment`)."""
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
    bases = base or ([_common_folder(corpus.files)] if corpus.files else [])
    names = FileNames(bases, corpus.files)
    findings = [
        _named_finding(f, names)
        for f in run_checks(corpus, today=today, retractions=retractions, ratings=ratings)
    ]
    make = ClaimMaker(corpus, ratings, names)
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
        conflicts=conflict_view(corpus, conflicts, None, lazy=True, make=make, assess=assess),
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
