"""Checks of dates: dates that cannot be read or lie in the future, sources dated after the
document citing them, and sources dated wrongly for the event they are cited for."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterator
from datetime import date

from factcheck.checks import Finding, found
from factcheck.corpus import Corpus
from factcheck.errors import ValueParseError
from factcheck.model import ClaimRow
from factcheck.sources import independent_sources, link_date, source_date, source_dates
from factcheck.values import NoValue, Time


def dates(corpus: Corpus, today: date) -> Iterator[Finding]:
    dates = source_dates(corpus)
    now = float(today.toordinal())
    for sid, source in sorted(corpus.sources.items()):
        if not source.date:
            continue
        try:
            source_date(source.date)
        except ValueParseError as exc:
            yield found("FC301", corpus.where("sources", sid), sid, exc.problem.message)
            continue
        when = dates.get(sid)
        if when is not None and when.low > now:
            yield found(
                "FC302",
                corpus.where("sources", sid),
                sid,
                f"dated {source.date}, after today ({today.isoformat()})",
            )
        if when is not None and (why := _unlike_its_link(source.date, when, source.url)):
            yield found("FC307", corpus.where("sources", sid), sid, why)
    for did, when in sorted(corpus.document_dates.items()):
        if when.low > now:
            yield found(
                "FC302",
                corpus.where("documents", did),
                did,
                f"dated {corpus.documents[did].date}, after today ({today.isoformat()})",
            )
    seen: set[tuple[str, str]] = set()
    for (doc_id, label), note in sorted(corpus.footnotes.items()):
        doc_date = corpus.document_dates.get(doc_id)
        for citation in note.cites:
            when = dates.get(citation.source)
            if doc_date is None or when is None or (citation.source, doc_id) in seen:
                continue
            if when.low > doc_date.high:
                seen.add((citation.source, doc_id))
                source = corpus.sources[citation.source]
                yield found(
                    "FC303",
                    corpus.where("sources", citation.source),
                    citation.source,
                    f"dated {source.date}, after '{doc_id}' "
                    f"({corpus.documents[doc_id].date}), which cites it in footnote {label}",
                )
    yield from _event_dates(corpus, dates)


# Days a source may seem to precede its event. A date without a time of day has no zone,
# and the same moment falls on two dates across zones (up to 26 hours apart): a wire story
# dated 7 March in New York can report an event of 8 March seven hours ahead. Times of day
# are instants in UTC (or, without a zone, spans over every zone), so they need no slack.
_ZONES = 1.0


def _unlike_its_link(written: str, when: Time, url: str | None) -> str | None:
    """How a source's date disagrees with the date its link holds, if it does (beyond a
    day either way, the slack of time zones)."""
    linked = link_date(url)
    if linked is None:
        return None
    day, precision = linked
    first = day.toordinal()
    if precision == "day":
        if when.low - first > _ZONES or first - when.high > _ZONES:
            return f"dated {written}, but its link holds {day.isoformat()}"
        return None
    last = first + monthrange(day.year, day.month)[1] - 1
    if when.low - last > _ZONES:
        return f"dated {written}, after the month its link is filed under ({day:%Y-%m})"
    return None


def _event(corpus: Corpus, claim: ClaimRow) -> Time | None:
    """The time a claim describes, when it has both ends: an open time ('since November
    2022') has no end to compare a source with."""
    when = corpus.time_of(claim.id)
    return when if when is not None and when.start and when.end else None


def _event_dates(corpus: Corpus, dates: dict[str, Time]) -> Iterator[Finding]:
    for cid, claim in sorted(corpus.claims.items()):
        event = _event(corpus, claim)
        if event is None or isinstance(corpus.values.get(cid), NoValue):
            continue
        sources = [s for s in corpus.sources_of(claim) if s.id in dates]
        flagged = False
        for source in sources:
            when = dates[source.id]
            if (
                when.precision == event.precision == "day"
                and when.start
                and event.start
                and (when.start.month, when.start.day) == (event.start.month, event.start.day)
                and when.start.year != event.start.year
            ):
                flagged = True
                yield found(
                    "FC305",
                    corpus.where("claims", cid),
                    cid,
                    f"source '{source.id}' is dated {source.date}, the day of the "
                    f"event ({event.written}) but in {when.start.year}",
                )
            elif event.low - when.high > (0.0 if when.minutes and event.minutes else _ZONES):
                flagged = True
                yield found(
                    "FC304",
                    corpus.where("claims", cid),
                    cid,
                    f"source '{source.id}' ({source.date}) appeared before the time "
                    f"the claim describes ({event.written})",
                )
        if flagged or not sources or independent_sources(corpus, claim) != 1:
            continue
        middle = (event.low + event.high) / 2
        # One work in several records (a relay, a duplicate): judge by its closest date.
        gap, closest = min(
            (abs((dates[s.id].low + dates[s.id].high) / 2 - middle), s.id) for s in sources
        )
        if gap > 2 * 365:
            yield found(
                "FC306",
                corpus.where("claims", cid),
                cid,
                f"describes {event.written}; its only independent source '{closest}' is "
                f"dated {corpus.sources[closest].date}, {gap / 365.25:.1f} years apart",
            )
