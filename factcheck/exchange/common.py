"""What every exchange format needs: the claims a filter picks, the sources behind them,
links fit to be written where other tools follow them, and JSON written one way."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from factcheck.corpus import Corpus
from factcheck.model import ClaimRow, Source
from factcheck.query import select_claims
from factcheck.sources import real_link

_ACCESSED = re.compile(r"^(?:last\s+)?(?:accessed|retrieved|consulted|viewed)(?:\s+on)?\s+", re.I)


def read_on(accessed: str) -> str:
    """The date of an `accessed` field, without its word (`accessed 3 May 2024`)."""
    return _ACCESSED.sub("", accessed)


def chosen_claims(
    corpus: Corpus, *, subject: str | None = None, property: str | None = None
) -> list[ClaimRow]:
    """The claims of a subject and property (all when None), in a stable order."""
    picked = select_claims(corpus, subject=subject, property=property)
    return sorted(picked, key=lambda c: (c.subject, c.property, c.id))


def cited_sources(corpus: Corpus, claims: Iterable[ClaimRow]) -> list[Source]:
    """Every source the claims cite, through footnotes or inline, once each, by id."""
    found = {s.id: s for claim in claims for s in corpus.sources_of(claim)}
    return [found[sid] for sid in sorted(found)]


def web_link(url: str | None) -> str | None:
    """A link another tool may follow: http(s) only, without spaces or quotes (a link that
    is a placeholder, `javascript:` or anything else is left out, never written)."""
    if url is None or not real_link(url):
        return None
    text = url.strip()
    if not text.lower().startswith(("http://", "https://")):
        return None
    if any(ch in text for ch in '"<>\\^`{|}') or any(ord(ch) < 0x21 for ch in text):
        return None
    return text


#: `<`, `>` and `&` written as JSON escapes: JSON-LD is pasted into web pages inside
#: `<script type="application/ld+json">`, where a `</script>` in a claim's text would end
#: the block and run what follows. The data read back is the same.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def dumps(data: Any) -> str:
    """JSON as every exchange format writes it: UTF-8 text, two-space indents, keys in the
    order built, `<`, `>` and `&` escaped, a final newline."""
    # Outside strings JSON has none of the three, so translating the text is safe.
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_HTML_SAFE) + "\n"
