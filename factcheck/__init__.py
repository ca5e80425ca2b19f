"""factcheck: find where footnoted sources disagree, and check their citations.

The library does everything the CLI does, through the same cache::

    from factcheck import Workspace
    ws = Workspace(["claims/"])          # or Workspace() for the bundled data set
    for conflict in ws.conflicts(min_severity="medium").conflicts:
        print(conflict["severity"], conflict["subject_name"], conflict["reason"])
    findings = ws.check()                # citation findings
    hits = ws.search("partial mobilisation").hits
    report = ws.report()                 # everything `factcheck export` shows

`load_corpus` and `find_conflicts` work on the loaded claims themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from factcheck.conflicts import find_conflicts
    from factcheck.loading import load_corpus
    from factcheck.workspace import Workspace

__all__ = ["Workspace", "__version__", "find_conflicts", "load_corpus"]


def __getattr__(name: str) -> Any:
    # Imported on first use so that `factcheck --help` stays fast.
    if name == "Workspace":
        from factcheck.workspace import Workspace

        return Workspace
    if name == "load_corpus":
        from factcheck.loading import load_corpus

        return load_corpus
    if name == "find_conflicts":
        from factcheck.conflicts import find_conflicts

        return find_conflicts
    raise AttributeError(name)
