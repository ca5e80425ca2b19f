"""Citation checks: broken, duplicate, misdated and weak citations.

`run_checks` runs every check on a corpus and returns the findings. The checks of
references, duplicates, links and corroboration are here; the checks of names are in
`name_checks` and those of dates in `date_checks`; `checks` documents every code. Nothing
here knows any particular document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from factcheck import identifiers, progress
from factcheck.checks import Finding, found
from factcheck.collector import paused_gc
from factcheck.corpus import Corpus, Location
from factcheck.date_checks import dates
from factcheck.intervals import Item, items
from factcheck.model import ClaimRow, Source
from factcheck.name_checks import misspelt_names, mixed_scripts, publisher_names
from factcheck.relations import agreeing_items
from factcheck.reliability import Ratings, rating_findings
from factcheck.retractions import Retractions, retraction_findings
from factcheck.sources import (
    duplicate_pairs,
    is_self,
    is_wiki_link,
    lasting_link,
    names_a_revision,
    pins_no_copy,
    real_link,
    source_groups,
)

# --------------------------------------------------------------------------- the checks


def _references(corpus: Corpus) -> Iterator[Finding]:
    codes = {
        "footnote": "FC101",
        "source": "FC102",
        "duplicate": "FC103",
        "document": "FC106",
        "claim": "FC107",
    }
    for d in corpus.dangling:
        where = Location(d.problem.file or "", d.problem.line)
        yield found(codes[d.kind], where, d.record, d.problem.message)


def _unused(corpus: Corpus) -> Iterator[Finding]:
    cited_notes = {(c.document, label) for c in corpus.claims.values() for label in c.footnotes}
    cited_sources = {s for c in corpus.claims.values() for s in c.sources}
    for (doc, label), note in corpus.footnotes.items():
        cited_sources |= {citation.source for citation in note.cites}
        if (doc, label) not in cited_notes and doc in corpus.documents:
            key = f"{doc}#{label}"
            yield found(
                "FC104",
                corpus.where("footnotes", key),
                key,
                f"footnote {label} of '{doc}' is cited by no claim",
            )
    cited_sources |= {other for s in corpus.sources.values() for other in s.reports}
    for sid in corpus.sources:
        if sid not in cited_sources:
            yield found(
                "FC105",
                corpus.where("sources", sid),
                sid,
                f"source '{sid}' is cited by no footnote or claim",
            )


def _duplicates(corpus: Corpus) -> Iterator[Finding]:
    for first, later, why in duplicate_pairs(corpus):
        yield found(
            "FC201",
            corpus.where("sources", later),
            later,
            f"'{later}' and '{first}' look like one work ({why})",
        )


def _links(corpus: Corpus) -> Iterator[Finding]:
    for sid, source in sorted(corpus.sources.items()):
        where = corpus.where("sources", sid)
        for what, link in (("link", source.url), ("archived copy", source.archive_url)):
            if link is not None and not real_link(link):
                yield found(
                    "FC402", where, sid, f"{what} '{link}' is a placeholder or not a web address"
                )
        if source.url is None and not source.identifier and not _findable(source):
            yield found("FC401", where, sid, "no url and no identifier")
        if source.identifier and (why := identifiers.problem(source.identifier)):
            yield found("FC403", where, sid, why)
        if (lasting := _unkept(source)) is not None:
            yield found(lasting[0], where, sid, lasting[1])
        for what, link in (("link", source.url), ("archived copy", source.archive_url)):
            if link and real_link(link) and pins_no_copy(link):
                yield found(
                    "FC406", where, sid, f"{what} '{link}' lists a page's captures, not one copy"
                )
        if real_link(source.url) and not source.title and not source.date:
            yield found("FC407", where, sid, "a link with neither title nor date")


def _findable(source: Source) -> bool:
    """Whether a source without a link can still be found: an interview (nothing to find),
    or a full reference (title, date, and author or publisher), as books and print
    articles are cited."""
    full = bool(source.title and source.date and (source.author or source.publisher))
    return source.kind == "interview" or full


def _unkept(source: Source) -> tuple[str, str] | None:
    """FC405 for a wiki page or encyclopedia entry cited by an address whose content
    changes; FC404 for another web page with neither an access date nor an archived copy."""
    url = source.url
    if url is None or not real_link(url) or lasting_link(url) or real_link(source.archive_url):
        return None
    if is_wiki_link(url) or source.kind == "encyclopedia":
        if names_a_revision(url):
            return None
        what = "wiki page" if is_wiki_link(url) else "encyclopedia entry"
        return (
            "FC405",
            f"{what} cited by an address whose content changes: link the revision read "
            "(a permanent link) or an archived copy",
        )
    if source.accessed or source.identifier:
        return None
    return "FC404", "web page with neither an access date nor an archived copy"


def _corroboration(corpus: Corpus) -> Iterator[Finding]:
    groups = source_groups(corpus)
    # The claims that cite a source, by document and topic: where a bare claim may be cited.
    cited: dict[tuple[str, str, str], list[ClaimRow]] = defaultdict(list)
    bare: list[tuple[ClaimRow, str]] = []
    self_only: dict[str, list[str]] = defaultdict(list)
    # Many claims rest on the same one source: they share one message, not a copy each.
    said: dict[str, str] = {}
    for cid, claim in sorted(corpus.claims.items()):
        sources = corpus.sources_of(claim)
        if sources:
            cited[(claim.document, claim.subject, claim.property)].append(claim)
        elif (nothing := _cites_nothing(corpus, claim)) is not None:
            bare.append((claim, nothing))
            continue
        if sources and all(is_self(corpus, claim, s) for s in sources):
            self_only[claim.document].append(cid)
            continue
        independent = {groups[s.id] for s in sources if s.id in groups}
        if len(independent) == 1:
            names = ", ".join(sorted(s.id for s in sources))
            message = said.get(names) or said.setdefault(
                names, f"rests on one independent source ({names})"
            )
            yield found("FC502", corpus.where("claims", cid), cid, message)
    pinned: dict[tuple[str, str, str], list[Item]] = {}
    for claim, nothing in bare:
        where = corpus.where("claims", claim.id)
        if claim.own:
            yield found("FC504", where, claim.id, _reasoning(corpus, claim))
        elif elsewhere := _cited_elsewhere(corpus, claim, cited, pinned):
            message = f"{nothing}; its document gives the same and cites it at {elsewhere}"
            yield found("FC505", where, claim.id, message)
        else:
            yield found("FC501", where, claim.id, nothing)
    for doc_id, ids in sorted(self_only.items()):
        shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
        verb = "claim cites" if len(ids) == 1 else "claims cite"
        yield found(
            "FC503",
            corpus.where("documents", doc_id),
            doc_id,
            f"{len(ids)} {verb} only the document itself: {shown}",
        )


def _cites_nothing(corpus: Corpus, claim: ClaimRow) -> str | None:
    """How a claim cites nothing, if it does: no footnote and no source, or only footnotes
    that name no source (an empty marker, an explanatory note). A footnote that is not
    defined is FC101's, not this."""
    if claim.sources:
        return None
    if not claim.footnotes:
        return "no footnote and no source"
    notes = corpus.footnotes_of(claim)
    if len(notes) < len(claim.footnotes) or any(note.cites for note in notes):
        return None
    labels = ", ".join(claim.footnotes)
    if len(notes) == 1:
        return f"its footnote ({labels}) cites no source"
    return f"its footnotes ({labels}) cite no source"


def _cited_elsewhere(
    corpus: Corpus,
    claim: ClaimRow,
    cited: dict[tuple[str, str, str], list[ClaimRow]],
    pinned: dict[tuple[str, str, str], list[Item]],
) -> str | None:
    """A claim of the same document that agrees with a bare claim and cites a source (a
    lead or an infobox restating what the body cites), or None. Only a claim that pins its
    value down can be restated: `over 200,000` agrees with any larger figure, and restates
    none of them. The citing claims of a topic are made into intervals once, for every bare
    claim that asks."""
    key = (claim.document, claim.subject, claim.property)
    peers = cited.get(key)
    prop = corpus.properties.get(claim.property)
    if not peers or prop is None:
        return None
    if key not in pinned:
        pinned[key] = [it for it in items(peers, prop, corpus) if it.core is not None]
    found = agreeing_items(corpus, claim, pinned[key])
    return min(found) if found else None


def _reasoning(corpus: Corpus, claim: ClaimRow) -> str:
    """What a claim that is the document's own reasoning rests on: its inputs, and the
    independent sources they cite (through inputs that are derivations in turn)."""
    if claim.own != "derivation":
        return f"the document's own {claim.own}; it cites nothing"
    if not claim.derived_from:
        return "the document's own derivation; its inputs are not named"
    groups = source_groups(corpus)
    independent: set[str] = set()
    seen = {claim.id}
    todo = list(claim.derived_from)
    while todo:
        cid = todo.pop()
        given = corpus.claims.get(cid)
        if given is None or cid in seen:
            continue
        seen.add(cid)
        independent |= {groups[s.id] for s in corpus.sources_of(given) if s.id in groups}
        todo.extend(given.derived_from)
    inputs = ", ".join(claim.derived_from)
    count = len(independent)
    rest = f"{count} independent source{'' if count == 1 else 's'}" if count else "no source"
    return f"the document's own derivation from {inputs}, which rest on {rest}"


@paused_gc()
def run_checks(
    corpus: Corpus,
    *,
    today: date | None = None,
    retractions: Retractions | None = None,
    ratings: Ratings | None = None,
) -> list[Finding]:
    """Every citation check on a corpus loaded with `load_corpus(..., strict=False)`; with
    a list of retracted works or of rated publishers, the checks against it too.

    Findings come sorted by file, line and code.
    """
    when = today or date.today()
    steps: list[Callable[[], Iterable[Finding]]] = [
        lambda: _references(corpus),
        lambda: _unused(corpus),
        lambda: _duplicates(corpus),
        lambda: publisher_names(corpus),
        lambda: misspelt_names(corpus),
        lambda: dates(corpus, when),
        lambda: _links(corpus),
        lambda: _corroboration(corpus),
        lambda: mixed_scripts(corpus),
    ]
    if retractions is not None:
        steps.append(lambda: retraction_findings(corpus, retractions))
    if ratings is not None:
        steps.append(lambda: rating_findings(corpus, ratings))
    found: list[Finding] = []
    for done, step in enumerate(steps):
        progress.tell("checking citations", done, len(steps))
        found.extend(step())
    progress.tell("checking citations", len(steps), len(steps))
    return sorted(found, key=lambda f: (f.file or "", f.line or 0, f.code, f.record, f.message))
