"""The one exception tree of factcheck.

Every problem the library detects in the user's input is a `FactcheckError`. Each carries
where it is (file, line, field) so that the CLI can print `file:line: field: message` and
exit 2 without a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, and where it is."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [p for p in (where, self.field) if p]
        return ": ".join([*parts, self.message])


class FactcheckError(Exception):
    """Base of every error factcheck raises for bad input or usage."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.problem = Problem(message, file, line, field)
        super().__init__(str(self.problem))

    @property
    def problems(self) -> list[Problem]:
        """All problems this error stands for (one, unless it is an `InputError`)."""
        return [self.problem]


class ValueParseError(FactcheckError):
    """Words that do not read as a value of the expected kind."""


class InputError(FactcheckError):
    """Several problems found in the input; all of them are reported, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self._problems = problems
        count = len(problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the claim files")

    @property
    def problems(self) -> list[Problem]:
        return self._problems


class UsageError(FactcheckError):
    """An option or argument the user gave does not make sense."""


def did_you_mean(
    name: str, choices: Iterable[str], *, score_cutoff: float = 70, whole: bool = False
) -> str:
    """`; did you mean 'x'?` naming the choice nearest to `name`, or '' when none is near.
    With `whole`, the two are compared whole (`x` is not near `text`), not as a part of the
    other."""
    from rapidfuzz import fuzz, process

    scorer = fuzz.ratio if whole else fuzz.WRatio
    best = process.extractOne(name, list(choices), scorer=scorer, score_cutoff=score_cutoff)
    return f"; did you mean '{best[0]}'?" if best else ""
