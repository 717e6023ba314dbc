#!/usr/bin/env python3
"""Memory over a long batch: RSS after 100, 500 and 1,000 distinct reports.

    python benchmarks/memory.py [--reports 1000] [--mode api,settle,nozone]

The reports are the bulk and dev corpus's, made distinct: report k is report k mod N with
every number changed (by a different factor for each k) and its paragraphs in an order of
its own, so that every run brings the vocabulary strings it has never seen (numbers,
the words around them), as a real batch of new reports does. Each mode runs in a fresh
process:

  api     extract(text) as the library does it (each run inside ``nlp.memory_zone()``:
          spaCy frees the strings and lexemes a Doc added when the zone ends);
  settle  the same, and the tokenizer's settle() after each zone (segment/tokenizer.py:
          the dictionary's words kept for good, so that Docs are built fast);
  nozone  the same with ``memory_zone`` made a no-op on this pipeline: what a batch
          costs without the zones (and what the library did before them).

Each mode also prints its seconds per report (CPU time of the process).

For each it prints RSS (MB) and ``len(nlp.vocab)`` at each mark (it counts every lexeme
ever made, freed or not; spaCy 3.8's ``len(StringStore)`` says 0), and the
growth from the first mark to the last. Flat means the growth per 100 reports after the
first mark is near zero (a few MB of allocator noise).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterator

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"
MARKS = (100, 500, 1000)

CHILD = r"""
import contextlib, gc, json, sys, time
sys.path.insert(0, sys.argv[1])
from memory import distinct_reports, rss_mb
import govreport_nlp

mode, total = sys.argv[2], int(sys.argv[3])
marks = set(json.loads(sys.argv[4]))
nlp = govreport_nlp.load()
if mode == "nozone":
    nlp.memory_zone = contextlib.nullcontext  # this instance only
elif mode == "settle":
    zone = nlp.memory_zone

    @contextlib.contextmanager
    def settled():
        with zone() as mem:
            yield mem
        nlp.tokenizer.settle()

    nlp.memory_zone = settled
t0 = time.process_time()
for k, text in enumerate(distinct_reports(total), 1):
    govreport_nlp.extract(text, nlp=nlp).model_dump_json()
    if k in marks:
        gc.collect()
        print(json.dumps({"n": k, "rss": rss_mb(), "lexemes": len(nlp.vocab),
                          "cpu_per_report": (time.process_time() - t0) / k}), flush=True)
"""


def rss_mb() -> float:
    """This process's resident set size now (MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _sources() -> list[str]:
    paths = sorted((CORPUS / "bulk").glob("*.txt")) + sorted((CORPUS / "dev").glob("*.txt"))
    if not paths:
        sys.exit(f"no reports in {CORPUS}/bulk or {CORPUS}/dev")
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _vary(text: str, k: int) -> str:
    """Report ``text`` made the k-th distinct one: numbers scaled, paragraphs reordered
    (the first, the title, stays first)."""
    factor = 1 + (k % 97) / 100 + k // 97

    def scale(m: re.Match[str]) -> str:
        digits = m.group()
        decimals = len(digits) - digits.index(".") - 1 if "." in digits else 0
        return f"{float(digits) * factor:.{decimals}f}"

    lines = _NUMBER.sub(scale, text).split("\n")
    head, body = lines[:3], lines[3:]
    random.Random(k).shuffle(body)
    return "\n".join(head + body)


def distinct_reports(total: int) -> Iterator[str]:
    """``total`` distinct report texts built from the bulk and dev corpus (see above), one
    at a time (the batch's texts are not all held at once)."""
    sources = _sources()
    for k in range(total):
        yield _vary(sources[k % len(sources)], k)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=MARKS[-1])
    ap.add_argument("--mode", default="api,settle,nozone")
    args = ap.parse_args()
    marks = sorted({m for m in MARKS if m <= args.reports} | {args.reports})
    for mode in args.mode.split(","):
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(HERE), mode, str(args.reports), json.dumps(marks)],
                                stdout=subprocess.PIPE, text=True)
        rows = []
        print(f"{mode}:")
        if proc.stdout is not None:
            for line in proc.stdout:
                row = json.loads(line)
                rows.append(row)
                print(f"  after {row['n']:5d} reports: RSS {row['rss']:6.0f} MB, {row['lexemes']:9,} lexemes made, "
                      f"{row['cpu_per_report']:.3f} CPU s per report", flush=True)
        if proc.wait() != 0:
            sys.exit(f"the {mode} run failed (exit {proc.returncode})")
        if len(rows) > 1:
            first, last = rows[0], rows[-1]
            per100 = (last["rss"] - first["rss"]) / (last["n"] - first["n"]) * 100
            print(f"  growth {first['n']} -> {last['n']}: {last['rss'] - first['rss']:+.0f} MB "
                  f"({per100:+.1f} MB per 100 reports), {last['lexemes'] - first['lexemes']:+,} lexemes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
