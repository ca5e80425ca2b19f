"""Checks of dates: dates that cannot be read or lie in the future, sources dated after the
document citing them, and sources dated wrongly for the event they are cited for."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterator
from datetime import date

from factcheck.checks import Finding, found
from factcheck.corpus import Corpus
from factcheck.errors import ValueParseError
from factcheck.model import ClaimRow, Source
from factcheck.sources import independent_sources, link_date, source_date, source_dates
from factcheck.values import NoValue, Time


def dates(corpus: Corpus, today: date) -> Iterator[Finding]:
    dates = source_dates(corpus)
    now = float(today.toordinal())
    for sid, source in sorted(corpus.sources.items()):
        if source.accessed:
            yield from _accessed(corpus, sid, source.accessed, today)
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
        if when is not None and (link := _unlike_its_link(when, source.url)):
            yield found(
                "FC307",
                corpus.where("sources", sid),
                sid,
                f"dated {source.date}, but its link {link}",
            )
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
    # Properties whose claims date the very work they cite: judged by FC308 alone.
    dating = {pid for pid, p in corpus.properties.items() if p.dates_cited_work}
    yield from _event_dates(corpus, dates, dating)
    yield from _publication_dates(corpus, dates, dating)


def _accessed(corpus: Corpus, sid: str, written: str, today: date) -> Iterator[Finding]:
    where = corpus.where("sources", sid)
    try:
        when = source_date(written)
    except ValueParseError as exc:
        yield found("FC301", where, sid, f"accessed: {exc.problem.message}")
        return
    if when is not None and when.low > today.toordinal():
        yield found("FC302", where, sid, f"accessed {written}, after today ({today.isoformat()})")


# Days a source may seem to precede its event. A date without a time of day has no zone,
# and the same moment falls on two dates across zones (up to 26 hours apart): a wire story
# dated 7 March in New York can report an event of 8 March seven hours ahead. Times of day
# are instants in UTC (or, without a zone, spans over every zone), so they need no slack.
_ZONES = 1.0


def _unlike_its_link(when: Time, url: str | None) -> str | None:
    """What the date a link holds is, when it disagrees with `when` (beyond a day either
    way, the slack of time zones): `holds 2021-03-17`, `is filed under 2021-03`."""
    linked = link_date(url)
    if linked is None:
        return None
    day, precision = linked
    first = day.toordinal()
    if precision == "day":
        if when.low - first > _ZONES or first - when.high > _ZONES:
            return f"holds {day.isoformat()}"
        return None
    last = first + monthrange(day.year, day.month)[1] - 1
    if when.low - last > _ZONES:
        return f"is filed under {day:%Y-%m}, an earlier month"
    return None


def _apart(one: Time, other: Time) -> bool:
    """Whether two times are more than the slack of time zones apart."""
    return one.low - other.high > _ZONES or other.low - one.high > _ZONES


def _event(corpus: Corpus, claim: ClaimRow) -> Time | None:
    """The time a claim describes, when it has both ends: an open time ('since November
    2022') has no end to compare a source with."""
    when = corpus.time_of(claim.id)
    return when if when is not None and when.start and when.end else None


def _placed(corpus: Corpus, claim: ClaimRow) -> tuple[list[Source], list[Source]]:
    """A claim's sources placed on the claim itself, and those that are its paragraph's
    references (`for_paragraph` on the claim or the footnote): a paragraph's reference may
    support another sentence of it."""
    if claim.for_paragraph:
        return [], corpus.sources_of(claim)
    own: dict[str, None] = dict.fromkeys(claim.sources)
    shared: dict[str, None] = {}
    for note in corpus.footnotes_of(claim):
        for citation in note.cites:
            (shared if note.for_paragraph else own)[citation.source] = None
    known = corpus.sources
    return [known[s] for s in own if s in known], [
        known[s] for s in shared if s in known and s not in own
    ]


def _misfit(when: Time, event: Time) -> str | None:
    """Why a source dated `when` cannot report an event: FC305 (right but for the year),
    FC304 (before it, beyond the slack of time zones), or None."""
    if (
        when.precision == event.precision == "day"
        and when.start
        and event.start
        and (when.start.month, when.start.day) == (event.start.month, event.start.day)
        and when.start.year != event.start.year
    ):
        return "FC305"
    if event.low - when.high > (0.0 if when.minutes and event.minutes else _ZONES):
        return "FC304"
    return None


def _event_dates(corpus: Corpus, dates: dict[str, Time], dating: set[str]) -> Iterator[Finding]:
    # A claim that dates the work it cites is compared with that work by FC308 alone.
    for cid, claim in sorted(corpus.claims.items()):
        event = _event(corpus, claim)
        if event is None or isinstance(corpus.values.get(cid), NoValue) or claim.property in dating:
            continue
        own, shared = _placed(corpus, claim)
        misfits = {s.id: _misfit(dates[s.id], event) for s in own + shared if s.id in dates}
        where = corpus.where("claims", cid)
        flagged = False
        for source in own:
            code = misfits.get(source.id)
            if code is not None:
                flagged = True
                yield found(code, where, cid, _why(code, source, dates[source.id], event))
        # A paragraph's references fail a claim only when none of them (and none of its
        # own) can support it; an undated one might.
        if shared and all(misfits.get(s.id) for s in own + shared):
            flagged = True
            early = [s for s in shared if misfits[s.id] == "FC304"]
            for source in shared:
                if misfits[source.id] == "FC305":
                    why = _why("FC305", source, dates[source.id], event)
                    yield found("FC305", where, cid, f"{why} (a reference of its paragraph)")
            if early and len(early) == len(shared):
                listed = ", ".join(f"'{s.id}' ({s.date})" for s in early)
                yield found(
                    "FC304",
                    where,
                    cid,
                    f"none of its paragraph's references appeared by the time the claim "
                    f"describes ({event.written}): {listed}",
                )
        sources = [s for s in own + shared if s.id in dates]
        if flagged or not sources or independent_sources(corpus, claim) != 1:
            continue
        # One work in several records (a relay, a duplicate): judge by its latest date. A
        # source speaks for what happened by its date; a later one may look back on it.
        latest = max(sources, key=lambda s: dates[s.id].high)
        gap = event.high - dates[latest.id].high
        if gap > 2 * 365:
            yield found(
                "FC306",
                where,
                cid,
                f"describes {event.written}; its only independent source '{latest.id}' is "
                f"dated {latest.date}, {gap / 365.25:.1f} years before that time ends",
            )


def _why(code: str, source: Source, when: Time, event: Time) -> str:
    if code == "FC305":
        assert when.start is not None
        return (
            f"source '{source.id}' is dated {source.date}, the day of the "
            f"event ({event.written}) but in {when.start.year}"
        )
    return (
        f"source '{source.id}' ({source.date}) appeared before the time "
        f"the claim describes ({event.written})"
    )


def _publication_dates(
    corpus: Corpus, dates: dict[str, Time], dating: set[str]
) -> Iterator[Finding]:
    """FC308: claims that date the very work they cite (a property with `dates_cited_work`)
    otherwise than the work's date or its link's date. Of several works cited, one that
    agrees (or gives no date) is enough."""
    if not dating:
        return
    for cid, claim in sorted(corpus.claims.items()):
        value = corpus.values.get(cid)
        if claim.property not in dating or not isinstance(value, Time):
            continue
        own, shared = _placed(corpus, claim)
        unlike = [_dated_otherwise(value, s, dates.get(s.id)) for s in own + shared]
        if unlike and all(unlike):
            yield found(
                "FC308",
                corpus.where("claims", cid),
                cid,
                f"dates the work it cites {claim.value}, but {'; '.join(map(str, unlike))}",
            )


def _dated_otherwise(value: Time, source: Source, when: Time | None) -> str | None:
    """How a work's date, else its link's, disagrees with the date a claim gives its
    publication; None when it agrees or has no date to judge by."""
    if when is not None:
        return f"'{source.id}' is dated {source.date}" if _apart(when, value) else None
    link = _unlike_its_link(value, source.url)
    return f"the link of '{source.id}' {link}" if link else None
