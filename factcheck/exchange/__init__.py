"""The claims and their sources in formats other tools read, for `factcheck export`.

- `csl-json` (`csl`): the bibliography, each source as a CSL item (Zotero, pandoc).
- `web-annotation` (`annotations`): each claim as a W3C Web Annotation on its page.
- `claimreview` (`claimreview`): each claim as a schema.org ClaimReview, rated by how
  its sources stand.
- `wikidata` and `quickstatements` (`wikidata`): each claim as a Wikidata statement, in
  Wikibase JSON or as QuickStatements commands.

`exchange(corpus, fmt, ...)` makes one of them from a loaded corpus; the mapping of each,
and what it leaves out, is in docs/exchange.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import assert_never

from factcheck.conflict_report import Severity
from factcheck.corpus import Corpus
from factcheck.errors import UsageError
from factcheck.exchange.annotations import web_annotations
from factcheck.exchange.claimreview import claim_reviews
from factcheck.exchange.common import chosen_claims, cited_sources, dumps
from factcheck.exchange.csl import csl_items
from factcheck.exchange.wikidata import quickstatements, statements, wikibase_json
from factcheck.options import ExportFormat

__all__ = ["Exchange", "exchange"]


@dataclass
class Exchange:
    """An export in an exchange format: the text to write, and what was left out, why."""

    text: str
    notes: list[str] = field(default_factory=list)


def exchange(
    corpus: Corpus,
    fmt: ExportFormat,
    *,
    subject: str | None = None,
    property: str | None = None,
    min_severity: Severity = Severity.low,
) -> Exchange:
    """The claims of `subject` and `property` (all when None), or the sources they cite, in
    an exchange format. `min_severity` above low keeps, in a ClaimReview export, the claims
    of conflicts at least that severe; the other formats hold no conflicts and refuse it."""
    if fmt.report_format is not None:
        raise UsageError(f"'{fmt.value}' is a report format, not an exchange format")
    if min_severity > Severity.low and fmt is not ExportFormat.claimreview:
        raise UsageError(f"--min-severity applies to claimreview, not to {fmt.value}")
    claims = chosen_claims(corpus, subject=subject, property=property)
    match fmt:
        case ExportFormat.csl_json:
            # Every source when nothing is filtered, so that a source no claim cites yet
            # still reaches the bibliography.
            filtered = subject is not None or property is not None
            sources = cited_sources(corpus, claims) if filtered else None
            return Exchange(dumps(csl_items(corpus, sources)))
        case ExportFormat.web_annotation:
            made = web_annotations(corpus, claims)
            return Exchange(dumps(made.items), made.notes)
        case ExportFormat.claimreview:
            return Exchange(dumps(claim_reviews(corpus, claims, min_severity=min_severity)))
        case ExportFormat.wikidata:
            made_statements = statements(corpus, claims)
            return Exchange(
                dumps(wikibase_json(made_statements)), made_statements.notes("wikidata")
            )
        case ExportFormat.quickstatements:
            made_statements = statements(corpus, claims)
            text, unwritable = quickstatements(made_statements)
            made_statements.left_out += unwritable
            return Exchange(text, made_statements.notes("quickstatements"))
        case (
            ExportFormat.table
            | ExportFormat.json
            | ExportFormat.markdown
            | ExportFormat.csv
            | ExportFormat.html
        ):
            raise AssertionError("report formats are refused above")
        case _:
            assert_never(fmt)
