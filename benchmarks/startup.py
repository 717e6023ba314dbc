#!/usr/bin/env python3
"""Cold start of govreport_nlp: import, pipeline load, first extract(), and peak RSS.

    python benchmarks/startup.py [--repeat 3] [FILE]

Each run is a fresh interpreter (a cold process; the model files may be in the page
cache after the first run, as they are for a user running the tool twice). Prints the
median and best of each phase, in wall-clock and in CPU seconds (on a busy machine the
wall clock counts the time other processes held the cores; the CPU time does not), and
the peak resident set size of the child process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "seeds" / "tuyouqi_2017_foi_annual.txt"

CHILD = r"""
import json, resource, sys, time
clock = time.perf_counter
cpu = time.process_time
w0, c0 = clock(), cpu()
import govreport_nlp
w1, c1 = clock(), cpu()
nlp = govreport_nlp.load()
w2, c2 = clock(), cpu()
report = govreport_nlp.extract(open(sys.argv[1], encoding="utf-8").read())
w3, c3 = clock(), cpu()
# VmHWM is this process's own peak; ru_maxrss would carry over a big parent's peak
# across fork and exec.
try:
    hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
    rss_mb = int(hwm.split()[1]) / 1024
except (OSError, IndexError):
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"import": w1 - w0, "load": w2 - w1, "first_extract": w3 - w2, "total": w3 - w0,
                  "cpu_import": c1 - c0, "cpu_load": c2 - c1, "cpu_first_extract": c3 - c2,
                  "cpu_total": c3 - c0, "peak_rss_mb": rss_mb, "facts": len(report.facts)}))
"""

PHASES = ("import", "load", "first_extract", "total")


def cold_start(file: Path) -> dict:
    """One cold start in a fresh interpreter: seconds per phase and peak RSS (MB)."""
    out = subprocess.run([sys.executable, "-c", CHILD, str(file)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_cold_start(file: Path, repeat: int = 3) -> dict:
    """The median of ``repeat`` cold starts after one uncounted run that warms the page
    cache (a user's second run of the tool); peak RSS is the largest seen."""
    runs = [cold_start(file) for _ in range(repeat + 1)][1:]
    keys = PHASES + tuple(f"cpu_{key}" for key in PHASES)
    out = {key: statistics.median(r[key] for r in runs) for key in keys}
    out["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    return out


def _load_average() -> str:
    try:
        return open("/proc/loadavg").read().split()[0]
    except OSError:
        return "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    # The first run warms the page cache; it is not counted.
    runs = [cold_start(args.file) for _ in range(args.repeat + 1)][1:]
    print(f"{args.repeat} cold starts on {args.file.name} ({runs[0]['facts']} facts); "
          f"load average {_load_average()} on {os.cpu_count()} cores")
    # CPU seconds are what the process itself spent: on a busy machine the wall clock
    # also counts the time others held the cores.
    print(f"  {'':14} {'wall median':>12} {'wall best':>10} {'CPU median':>11} {'CPU best':>9}")
    for key in PHASES:
        wall = [r[key] for r in runs]
        cpu = [r[f"cpu_{key}"] for r in runs]
        print(f"  {key:14} {statistics.median(wall):10.2f} s {min(wall):8.2f} s "
              f"{statistics.median(cpu):9.2f} s {min(cpu):7.2f} s")
    print(f"  peak RSS       {max(r['peak_rss_mb'] for r in runs):6.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
