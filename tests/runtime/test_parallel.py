"""Work spread over forked processes comes back complete and in order."""

from __future__ import annotations

import os

from generator.runtime.parallel import SERIAL_BELOW, fork_map


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def test_results_are_in_order_whatever_the_number_of_processes() -> None:
    items = list(range(SERIAL_BELOW * 3))
    serial = fork_map(_pid_and_square, items, jobs=1)
    forked = fork_map(_pid_and_square, items, jobs=2)
    assert [r for _, r in serial] == [r for _, r in forked] == [n * n for n in items]
    assert {pid for pid, _ in serial} == {os.getpid()}
    assert os.getpid() not in {pid for pid, _ in forked}  # done by the workers


def test_few_items_are_done_in_this_process() -> None:
    assert {pid for pid, _ in fork_map(_pid_and_square, range(10), jobs=2)} == {os.getpid()}
