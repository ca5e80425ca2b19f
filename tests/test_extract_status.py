"""Statuses drafted from sentences: a linking verb and a status word, a verb that changes a
status, and what people may or may not do; negation turns a status into its opposite, and
two drafts that state opposite statuses of one thing conflict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.claim_file import draft_file, dump
from factcheck.extract.draft import draft
from factcheck.extract.status import STATUS_FAMILIES, statuses
from factcheck.loading import load_corpus
from factcheck.statuses import parse_status
from factcheck.workspace import Workspace
from tests.extract_helpers import read_plain

ROOT = Path(__file__).resolve().parents[1]


def _stated(text: str) -> list[tuple[str, str]]:
    return [(s.written, f"{s.noun}.{s.key}") for s in statuses(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The presidential decree remains in force.", [("in force", "decree.in-force")]),
        ("By then the law was no longer valid.", [("no longer valid", "law.in-force")]),
        ("The curfew has been lifted.", [("lifted", "curfew.in-force")]),
        ("The order isn't in effect yet.", [("not in effect", "order.in-force")]),
        ("The border with Georgia was closed on 5 October.", [("closed", "border.open")]),
        ("Abortion has been illegal since 2019.", [("illegal", "abortion.allowed")]),
        ("A visa is not required for a stay of 30 days.", [("not required", "visa.required")]),
        ("No new call-ups were planned.", [("not planned", "call-ups.likely")]),
        # The object of `subject to` is part of what is asked: a property of its own.
        (
            "Members of parliament are not subject to conscription.",
            [("not subject to conscription", "members.subject-to-conscription")],
        ),
        # A verb that changes a status, with its object.
        ("In March the government lifted the ban on exports.", [("lifted", "ban.in-force")]),
        # What people may not, or may, do.
        ("Men of draft age cannot leave the country.", [("cannot leave", "men.can-leave")]),
        (
            "Women were not allowed to travel abroad.",
            [("not allowed to travel", "women.can-travel")],
        ),
        (
            "Reservists are barred from leaving the region.",
            [("barred from leaving", "reservists.can-leave")],
        ),
        # Something not yet done, or done.
        ("The acquisition remains pending.", [("pending", "acquisition.pending")]),
        ("The case is pending before the court.", [("pending", "case.pending")]),
        ("The purchase was completed in June.", [("completed", "purchase.pending")]),
        ("The firm completed the merger.", [("completed", "merger.pending")]),
        # People held, or let go.
        (
            "Several opposition leaders remain imprisoned.",
            [("remain imprisoned", "leaders.detained")],
        ),
        ("The reporters are still in custody.", [("still in custody", "reporters.detained")]),
        ("The editor is in prison.", [("in prison", "editor.detained")]),
        ("The editor is no longer in prison.", [("no longer in prison", "editor.detained")]),
        ("Two journalists were freed.", [("freed", "journalists.detained")]),
        (
            "The activist was released from prison in May.",
            [("released", "activist.detained")],
        ),
        # A body that may no longer act; a rule in place or suspended.
        ("The party was dissolved in 2016.", [("dissolved", "party.allowed")]),
        (
            "The government dissolved various political societies.",
            [("dissolved", "societies.allowed")],
        ),
        (
            "The government dissolved several unions that were legal before.",
            [("dissolved", "unions.allowed")],
        ),
        ("The evacuation order remained in place.", [("in place", "order.in-force")]),
        (
            "In 1994 a rule replaced the old system with a new one.",
            [("replaced", "system.in-force")],
        ),
        ("The old code was superseded in 2004.", [("superseded", "code.in-force")]),
        ("Grant payments were paused.", [("paused", "payments.in-force")]),
        ("The agency suspended the rule.", [("suspended", "rule.in-force")]),
    ],
)
def test_a_status_is_read_with_its_negation_and_what_it_is_of(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _stated(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A pronoun: what the status is of cannot be named.
        "It is required by law.",
        "They were banned.",
        # Ability and knowing, not permission.
        "The army cannot win this war.",
        "We cannot confirm these figures.",
        "The figures could not be verified.",
        # A duty, an intention or a norm, not a status or a prospect.
        "Residents were expected to attend the meetings.",
        "Cultural protection should be planned before any action.",
        # Words that look like a status but qualify something else.
        "The question is open to interpretation.",
        "She holds a valid passport.",
        "No status word here, only 12 people.",
        # `pending` before what is waited for is a word of time, not a status.
        "The case is pending further review.",
        "The suspect was held pending trial.",
        # Released, issued: what is let out or given is a status only out of detention.
        "The company released a report.",
        "The report was released in May.",
        "The government issued a statement.",
        "Funds were freed up for the program.",
        # An arrest told as an event (reports count them), not a lasting status.
        "More than 750 people were detained by nightfall.",
        # `in place of`, hanging from something.
        "New rules were adopted in place of the old ones.",
        "The lamp was suspended from the ceiling.",
    ],
)
def test_sentences_that_state_no_status(text: str) -> None:
    assert _stated(text) == []


def test_every_status_word_and_its_negation_reads_as_its_category() -> None:
    for family in STATUS_FAMILIES:
        obj = "conscription" if family.takes_object else ""
        categories = family.statuses(obj)
        yes, no = categories
        for word in family.yes_words:
            written = f"{word} {obj}".strip()
            assert parse_status(written, categories).value == yes
            assert parse_status(f"no longer {written}", categories).value == no
        for word in family.no_words:
            written = f"{word} {obj}".strip()
            assert parse_status(written, categories).value == no
            assert parse_status(f"not {written}", categories).value == yes


def test_a_lasting_state_and_its_end_are_opposite_categories_of_one_property() -> None:
    (held,) = statuses("Several opposition leaders remain imprisoned.")
    (freed,) = statuses("The opposition leaders were freed in March.")
    assert held.key == freed.key == "detained" and held.noun == freed.noun == "leaders"
    categories = held.statuses()
    assert parse_status(held.written, categories).value == "detained"
    assert parse_status(freed.written, categories).value == "released"
    assert parse_status("no longer imprisoned", categories).value == "released"


def _status_claims(content: dict[str, Any]) -> list[dict[str, Any]]:
    kinds = {p["id"]: p["kind"] for p in content.get("properties", [])}
    return [c for c in content.get("claims", []) if kinds[c["property"]] == "status"]


def test_a_drafted_status_loads_with_its_property_time_and_claimant(tmp_path: Path) -> None:
    text = "On 3 May 2021, the Ministry said that the decree was no longer in force."
    content = draft(read_plain(text, "t.txt", "Decree report", "2021"))
    (claim,) = _status_claims(content)
    assert claim["value"] == "no longer in force"
    assert claim["property"] == "decree.in-force"
    assert claim["claimant"] == "Ministry"
    assert claim["stated"] == "3 May 2021" and "as_of" not in claim
    assert claim["draft"] is True
    assert "read as a status of the decree" in claim["review"]
    (prop,) = [p for p in content["properties"] if p["id"] == "decree.in-force"]
    assert prop["kind"] == "status" and set(prop["statuses"]) == {"in force", "not in force"}
    path = tmp_path / "d.yaml"
    path.write_text(dump(content), encoding="utf-8")
    corpus = load_corpus([path], use_cache=False)  # raises on any problem
    assert claim["id"] in corpus.claims and not corpus.dangling


def test_still_in_force_is_an_end_date_not_a_status_too() -> None:
    text = "The mobilization is still in force as of September 2025."
    content = draft(read_plain(text, "t.txt", "Mobilization report", "2025"))
    assert _status_claims(content) == []
    assert [c["property"] for c in content["claims"]] == ["ended.date"]


def test_completed_with_a_date_is_an_end_date_not_a_status_too() -> None:
    dated = draft(read_plain("The purchase was completed in June 2026.", "t.txt", "Deal", "2026"))
    assert _status_claims(dated) == []
    assert [c["property"] for c in dated["claims"]] == ["ended.date"]
    undated = draft(read_plain("The purchase was completed.", "t.txt", "Deal", "2026"))
    (claim,) = _status_claims(undated)
    assert (claim["property"], claim["value"]) == ("purchase.pending", "completed")


def test_opposite_statuses_in_two_documents_conflict(tmp_path: Path) -> None:
    one = read_plain("The border crossing remains closed.", "a.txt", "Border report", "2023")
    two = read_plain(
        "According to the governor, the border crossing was open on 2 June 2023.",
        "b.txt",
        "Border report",
        "2023",
    )
    path = tmp_path / "drafts.yaml"
    path.write_text(dump(draft_file([one, two])), encoding="utf-8")
    report = Workspace([path], use_cache=False).conflicts()
    (conflict,) = [c for c in report.conflicts if c["property"] == "crossing.open"]
    values = {s["value"] for side in conflict["sides"] for s in side["claims"]}
    assert values == {"closed", "open"}


def test_the_same_status_in_other_words_agrees(tmp_path: Path) -> None:
    one = read_plain("The old law was repealed in 2019.", "a.txt", "Law report", "2020")
    two = read_plain("The old law is no longer in force.", "b.txt", "Law report", "2020")
    path = tmp_path / "drafts.yaml"
    path.write_text(dump(draft_file([one, two])), encoding="utf-8")
    report = Workspace([path], use_cache=False).conflicts()
    assert [c for c in report.conflicts if c["property"] == "law.in-force"] == []
    assert len(_status_claims(draft_file([one, two]))) == 2


def test_with_a_vocabulary_a_status_joins_a_declared_property_only_where_it_reads() -> None:
    vocabulary = load_corpus([ROOT / "claims"], use_cache=False)
    text = (
        "On 1 November 2022, a spokesman said that a decree was not needed to end the call-up. "
        "Later the decree was lifted."
    )
    content = draft(read_plain(text, "t.txt", "Mobilisation report", "2022"), vocabulary)
    by_value = {c["value"]: c for c in _status_claims(content)}
    # `not needed` is one of the declared statuses of a property about the decree: reused.
    assert by_value["not needed"]["property"] == "mobilisation.end_requires_decree"
    # `lifted` reads as none of the declared properties of the decree: proposed anew.
    assert by_value["lifted"]["property"] == "decree.in-force"


_TOKENS = [
    "The",
    "law",
    "IS",
    "was",
    "not",
    "No longer",
    "In Force",
    "LIFTED",
    "the",
    "ban",
    "Men",
    "CANNOT",
    "leave",
    "are",
    "Barred",
    "from",
    "leaving",
    "Subject To",
    "conscription",
    ",",
    "that",
    "Allowed",
    "to",
    "travel",
    "open",
    "Closed",
    "İs",
    "ſtill",
    "valid",
    "may not",
    "remain",
    "pending",
    "further",
    "Imprisoned",
    "released",
    "from prison",
    "completed",
    "In Place",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=14))
def test_the_quick_test_never_drops_a_status(tokens: list[str]) -> None:
    import re

    from factcheck.extract import status

    text = " ".join(tokens)
    found = [(s.written, s.start) for s in statuses(text)]
    original = status._ANY
    try:
        status._ANY = re.compile("")  # every text passes
        unfiltered = [(s.written, s.start) for s in statuses(text)]
    finally:
        status._ANY = original
    assert found == unfiltered
