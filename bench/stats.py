"""Small statistics helpers shared by the benchmarks."""

from __future__ import annotations

import math
import statistics


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (0–100), nearest-rank on the sorted values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))
    return ordered[k]


def summary(values: list[float], digits: int = 1) -> dict:
    """n, median, p95, min and max of ``values`` (milliseconds or seconds)."""
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "p50": round(statistics.median(values), digits),
        "p95": round(percentile(values, 95), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
    }
