"""Link addresses: a link's host, read without the claim models, so that a reader of
documents can use it without loading them."""

from __future__ import annotations

from urllib.parse import urlsplit


def host(url: str) -> str:
    """A link's host in lower case, without `www.`; a domain written alone
    (`dailymail.co.uk`) is its own host. Empty for what no URL library can split."""
    text = url.strip().lower()
    if "//" not in text:
        text = "//" + text
    try:
        found = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    return found.removeprefix("www.")
