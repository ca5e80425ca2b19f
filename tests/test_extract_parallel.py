"""Work shared among forked processes (factcheck/extract/parallel.py)."""

from __future__ import annotations

import os
import sys

import pytest

from factcheck.errors import FactcheckError
from factcheck.extract import parallel

needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux")


def _pid() -> int:
    return os.getpid()


def test_results_come_back_in_the_order_of_the_tasks() -> None:
    data = list(range(40))  # seen by the forked processes, not sent to them
    tasks = [lambda i=i: sum(data[i:]) * i for i in range(40)]
    assert parallel.run_all(tasks, processes=2) == [sum(data[i:]) * i for i in range(40)]
    assert parallel.run_all(tasks, processes=1) == [sum(data[i:]) * i for i in range(40)]


@needs_fork
def test_tasks_run_in_other_processes_when_there_are_two() -> None:
    pids = parallel.run_all([_pid] * 4, processes=2)
    assert os.getpid() not in pids


def test_one_process_or_one_task_runs_here() -> None:
    assert parallel.run_all([_pid] * 3, processes=1) == [os.getpid()] * 3
    assert parallel.run_all([_pid], processes=4) == [os.getpid()]
    assert parallel.run_all([]) == []


def _fails() -> int:
    raise ValueError("task failed")


def test_a_task_s_exception_is_raised_here() -> None:
    with pytest.raises(ValueError, match="task failed"):
        parallel.run_all([_pid, _fails], processes=2)


@needs_fork
def test_a_task_that_runs_tasks_runs_them_in_its_own_process() -> None:
    def nested() -> list[int]:
        return parallel.run_all([_pid, _pid], processes=2)

    outer = parallel.run_all([nested, nested], processes=2)
    for pids in outer:
        assert len(set(pids)) == 1 and pids[0] != os.getpid()


def test_cores_is_at_least_one() -> None:
    assert parallel.cores() >= 1


def _dies() -> int:
    os._exit(9)


@needs_fork
def test_a_process_that_dies_is_an_error_not_a_wait() -> None:
    with pytest.raises(FactcheckError, match="worker process ended"):
        parallel.run_all([_pid, _dies, _pid], processes=2)
