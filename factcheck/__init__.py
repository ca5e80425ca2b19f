"""factcheck: find where footnoted sources disagree, and check their citations.

The library does everything the CLI does::

    from factcheck import load_corpus, find_conflicts
    corpus = load_corpus()               # the bundled data set, or paths you give
    report = find_conflicts(corpus)
    for conflict in report.conflicts:
        print(conflict.severity, conflict.subject, conflict.reason)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from factcheck.conflicts import find_conflicts
    from factcheck.loading import load_corpus

__all__ = ["__version__", "find_conflicts", "load_corpus"]


def __getattr__(name: str) -> Any:
    # Imported on first use so that `factcheck --help` stays fast.
    if name == "load_corpus":
        from factcheck.loading import load_corpus

        return load_corpus
    if name == "find_conflicts":
        from factcheck.conflicts import find_conflicts

        return find_conflicts
    raise AttributeError(name)
