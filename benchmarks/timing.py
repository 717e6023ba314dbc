"""Timing shared by the benchmark scripts."""

from __future__ import annotations

import time
from typing import Callable, Sequence


def best_interleaved(funcs: Sequence[Callable[[], object]], repeat: int) -> list[float]:
    """Seconds of each function: the best of ``repeat`` rounds, each round running every
    function once, so that a slow spell of a shared machine falls on all of them."""
    best = [float("inf")] * len(funcs)
    for _ in range(repeat):
        for k, func in enumerate(funcs):
            t0 = time.perf_counter()
            func()
            best[k] = min(best[k], time.perf_counter() - t0)
    return best
