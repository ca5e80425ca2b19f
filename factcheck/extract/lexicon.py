"""Verb families: the words that say what is counted or dated, and the property each proposes.

Each family is one thing measured, whatever verb a writer chose for it: people who `fled`,
`left` or `emigrated` are one count; `ended`, `completed` and `concluded` date one event.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    """One measured thing and the words that name it."""

    key: str
    words: tuple[str, ...]
    #: The property proposed for a count, and for a date, of this family (None: not used so).
    count_name: str | None
    date_name: str | None
    growing: bool = False


FAMILIES: tuple[Family, ...] = (
    Family(
        "left",
        (
            "fled",
            "flee",
            "flees",
            "fleeing",
            "left",
            "leave",
            "leaving",
            "emigrated",
            "emigrate",
            "emigrating",
            "departed",
            "escaped",
            "exodus",
        ),
        "people who left",
        None,
        growing=True,
    ),
    Family(
        "mobilised",
        (
            "mobilised",
            "mobilized",
            "mobilise",
            "mobilize",
            "called up",
            "drafted",
            "draft",
            "conscripted",
            "recruited",
            "recruit",
            "enlisted",
        ),
        "people mobilised",
        None,
        growing=True,
    ),
    Family(
        "killed",
        ("killed", "died", "dead", "deaths", "death toll"),
        "people killed",
        None,
        growing=True,
    ),
    Family("wounded", ("wounded", "injured"), "people wounded", None, growing=True),
    Family("detained", ("detained", "arrested", "jailed"), "people detained", None, growing=True),
    Family(
        "deported", ("deported", "expelled", "extradited"), "people deported", None, growing=True
    ),
    Family(
        "ended",
        ("ended", "completed", "concluded", "finished", "terminated", "an end to"),
        None,
        "end",
    ),
    Family(
        "started",
        ("began", "begun", "started", "launched", "initiated", "initiating"),
        None,
        "start",
    ),
    Family("adopted", ("signed", "issued", "adopted", "enacted", "decreed"), None, "adoption"),
)

#: Words that say an event has not happened (yet): values of an end date.
NOT_HAPPENED: tuple[str, ...] = (
    "ongoing",
    "still in force",
    "not ended",
    "not yet ended",
    "not over",
    "not completed",
    "never ended",
    "present",
)
