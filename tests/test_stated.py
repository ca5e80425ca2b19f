"""When a claim was made (`stated`) and the time its value describes (`as_of`) are two
times: a denial is judged at the time of the claims it denies, a figure given without a time
describes the time it was stated, and `--explain` accounts for every denial."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.relations import relations
from tests.conflicts_helpers import claim, conflicts_of, only, reasons_for, write_corpus

TOLL = "abroad.count"  # a count that rises and falls: it stands in for a death toll here


def test_a_denial_made_the_next_day_contradicts_the_figure_it_denies(tmp_path: Path) -> None:
    """A ministry, on 13 February, denies a toll of 3,400 that an agency reported as of
    12 February. Written with `as_of` as the time of saying, the denial was judged at
    13 February and contradicted nothing."""
    agency = claim("agency", TOLL, "3,400", as_of="12 February 2024", claimant="Agency")
    ministry = claim(
        "ministry", TOLL, "3,400", stance="denies", stated="13 February 2024", claimant="Ministry"
    )
    corpus = write_corpus(tmp_path, [agency, ministry])
    c = only(conflicts_of(tmp_path / "again", agency, ministry))
    assert (c.kind, set(c.claim_ids)) == ("denial", {"agency", "ministry"})
    assert "denied by Ministry on 13 February 2024" in c.sides[1].summary
    assert [x.kind for x in relations(corpus, "agency").conflicts] == ["denial"]


def test_a_denial_of_another_time_is_explained_not_silent(tmp_path: Path) -> None:
    agency = claim("agency", TOLL, "3,400", as_of="12 February 2024", claimant="Agency")
    ministry = claim(
        "ministry", TOLL, "3,400", stance="denies", as_of="1 March 2024", claimant="Ministry"
    )
    nobody = claim("other", TOLL, "9,000", stance="denies", claimant="Rebels")
    report = conflicts_of(tmp_path, agency, ministry, nobody, explain=True)
    assert report.conflicts == []
    (why,) = reasons_for(report, "ministry", "agency")
    assert why == (
        "Ministry denies 3,400 as of 1 March 2024, but the claims that state that figure "
        "(3,400 as of 12 February 2024) refer to another time"
    )
    (why,) = reasons_for(report, "other")
    assert why == "Rebels denies 9,000, but no claim of this topic and scope states that figure"


def test_a_figure_without_as_of_describes_the_time_it_was_stated(tmp_path: Path) -> None:
    """Two figures stated a month apart describe two moments of a quantity that rises and
    falls; stated on the same day, they contradict each other."""
    apart = conflicts_of(
        tmp_path / "apart",
        claim("a", TOLL, "100,000", stated="1 October 2022"),
        claim("b", TOLL, "300,000", stated="1 November 2022"),
    )
    assert apart.conflicts == []
    same = only(
        conflicts_of(
            tmp_path / "same",
            claim("a", TOLL, "100,000", stated="1 October 2022", claimant="One"),
            claim("b", TOLL, "300,000", stated="1 October 2022", claimant="Two"),
        )
    )
    assert "100,000 (One on 1 October 2022)" in same.reason


def test_as_of_wins_over_stated(tmp_path: Path) -> None:
    """A book published in 2022 that gives a 2018 figure: the figure is judged at 2018."""
    report = conflicts_of(
        tmp_path,
        claim("book", TOLL, "1.5 million", as_of="mid-2018", stated="2022"),
        claim("paper", TOLL, "1.8 million", as_of="2022"),
    )
    assert report.conflicts == []


def test_a_stated_time_that_is_not_a_time_is_refused_at_its_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        write_corpus(tmp_path, [claim("a", TOLL, "100", stated="not yet")])
    (problem,) = caught.value.problems
    assert str(problem).endswith("claims[0].stated: 'not yet' is not a time")
    assert problem.line is not None
