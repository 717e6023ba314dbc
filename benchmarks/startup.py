#!/usr/bin/env python3
"""Cold start of govreport_nlp: import, pipeline load, first extract(), and peak RSS.

    python benchmarks/startup.py [--repeat 3] [FILE]

Each run is a fresh interpreter (a cold process; the model files may be in the page
cache after the first run, as they are for a user running the tool twice). Prints the
median and best of each phase and the peak resident set size of the child process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "seeds" / "tuyouqi_2017_foi_annual.txt"

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import govreport_nlp
t1 = time.perf_counter()
nlp = govreport_nlp.load()
t2 = time.perf_counter()
report = govreport_nlp.extract(open(sys.argv[1], encoding="utf-8").read())
t3 = time.perf_counter()
# VmHWM is this process's own peak; ru_maxrss would carry over a big parent's peak
# across fork and exec.
try:
    hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
    rss_mb = int(hwm.split()[1]) / 1024
except (OSError, IndexError):
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "first_extract": t3 - t2,
                  "total": t3 - t0, "peak_rss_mb": rss_mb, "facts": len(report.facts)}))
"""


def cold_start(file: Path) -> dict:
    """One cold start in a fresh interpreter: seconds per phase and peak RSS (MB)."""
    out = subprocess.run([sys.executable, "-c", CHILD, str(file)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_cold_start(file: Path, repeat: int = 3) -> dict:
    """The median of ``repeat`` cold starts after one uncounted run that warms the page
    cache (a user's second run of the tool); peak RSS is the largest seen."""
    runs = [cold_start(file) for _ in range(repeat + 1)][1:]
    out = {key: statistics.median(r[key] for r in runs) for key in ("import", "load", "first_extract", "total")}
    out["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    # The first run warms the page cache; it is not counted.
    runs = [cold_start(args.file) for _ in range(args.repeat + 1)][1:]
    print(f"{args.repeat} cold starts on {args.file.name} ({runs[0]['facts']} facts)")
    for key in ("import", "load", "first_extract", "total"):
        values = [r[key] for r in runs]
        print(f"  {key:14} median {statistics.median(values):6.2f} s   best {min(values):6.2f} s")
    print(f"  peak RSS       {max(r['peak_rss_mb'] for r in runs):6.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
