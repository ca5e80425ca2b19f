"""Loading claim files into one validated corpus.

`load_corpus` is the only way in: it finds the files, parses YAML or JSON, validates every
record, resolves every reference and parses every value. Every problem of every file is
collected and raised together as `InputError`, each naming file, line and field.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from contextlib import closing
from pathlib import Path

from factcheck import progress
from factcheck.builder import Builder
from factcheck.collector import paused_gc
from factcheck.corpus import Corpus
from factcheck.errors import FactcheckError, InputError
from factcheck.files import default_paths, find_claim_files
from factcheck.reading import cached, cached_digest, parse_all, parse_here
from factcheck.values import counted


def load_corpus(
    paths: Sequence[Path | str] | None = None,
    *,
    strict: bool = True,
    use_cache: bool = True,
    digests: Mapping[str, str] | None = None,
    drafts: bool = True,
) -> Corpus:
    """Load, validate and resolve claim files; raise `InputError` listing every problem.

    With no paths, reads `$FACTCHECK_CLAIMS` or the bundled data set. With `strict=False`,
    references that lead nowhere and ids defined twice are kept in `Corpus.dangling`
    instead of failing the load, for the citation checks to report. References between
    files are checked only when every file could be read, so that one broken file does not
    bury its own error under follow-on errors about what it failed to declare.
    `use_cache` reads unchanged files from the cache of parsed files (see `cache`), looked
    up by `digests` (absolute path → content SHA-256, from `store.digests`) when the command
    has hashed the files already, so that no file is read and hashed twice.
    Claims drafted by `factcheck extract` and not yet reviewed (`draft: true`) are kept and
    counted in a note; `drafts=False` leaves them out.
    """
    with paused_gc():
        corpus = _load(paths, strict=strict, use_cache=use_cache, known=digests or {})
    drafted = [cid for cid, claim in corpus.claims.items() if claim.draft]
    if drafted and drafts:
        corpus.notes.append(
            f"includes {counted(len(drafted), 'unreviewed draft claim')} (draft: true); "
            "--no-drafts leaves them out"
        )
    elif drafted:
        for cid in drafted:
            for held in (corpus.claims, corpus.values, corpus.as_of, corpus.stated):
                held.pop(cid, None)
        corpus.notes.append(f"left out {counted(len(drafted), 'unreviewed draft claim')}")
    return corpus


def _load(
    paths: Sequence[Path | str] | None, *, strict: bool, use_cache: bool, known: Mapping[str, str]
) -> Corpus:
    targets = [Path(p) for p in paths] if paths else default_paths()
    files, notes = find_claim_files(targets)
    if not files:
        raise FactcheckError(
            "no claim files (.yaml, .yml, .json) found in " + ", ".join(str(p) for p in targets)
        )
    builder = Builder(strict=strict)
    builder.corpus.notes.extend(notes)
    unreadable = 0
    # Which files the cache holds is decided first, so that the others go to the
    # parsers at once; each cached file's records are read only when its turn comes, so
    # that no more than one file's records are held outside the corpus.
    hits = {}
    for path in files if use_cache else ():
        if digest := cached_digest(path, known.get(os.path.abspath(path))):
            hits[path] = digest
    # Closed at once, not when collected: worker processes end with the reading, never
    # later inside whatever code happens to run a garbage collection.
    with closing(parse_all([p for p in files if p not in hits], use_cache=use_cache)) as parsed:
        for done, path in enumerate(files):
            progress.tell("reading claim files", done, len(files))
            if path in hits:  # a damaged entry is parsed here instead
                read = cached(path, hits[path]) or parse_here(path, use_cache=use_cache)
            else:
                read = next(parsed)
            if isinstance(read, list):
                builder.problems.extend(read)
                unreadable += 1
                continue
            if isinstance(read, str):
                builder.corpus.notes.append(f"skipped {path}: {read}")
                continue
            builder.corpus.files.append(str(path))
            builder.corpus.digests[os.path.abspath(path)] = read.digest
            builder.add(read)
            builder.problems.extend(read.problems)
    progress.tell("reading claim files", len(files), len(files))
    builder.resolve(references=not unreadable)
    if builder.problems:
        raise InputError(sorted(builder.problems, key=lambda p: (p.file or "", p.line or 0)))
    return builder.corpus
