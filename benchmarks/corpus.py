#!/usr/bin/env python3
"""Throughput over a corpus of reports, against the segmenter alone, in one run.

    python benchmarks/corpus.py [FOLDER] [--jobs N] [--repeat 2]

Default FOLDER: ../shared/corpus/bulk. Prints chars/s and docs/s of

  (a) raw spacy_pkuseg segmentation of the same texts, as it ships (full model, its own
      code), and our segmenter alone (compact model, compiled node features: same words),
  (b) extract() in one process,
  (c) extract_many(jobs=N): worker processes sharing the loaded pipeline,

their ratios, and the cold start (import + load + first extract of the seed report, in a
fresh process; median of 3 after one that warms the page cache) with its peak RSS.
Each figure is the best of ``--repeat`` interleaved rounds after a warm-up document.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from startup import DEFAULT as SEED  # noqa: E402
from startup import median_cold_start  # noqa: E402
from timing import best_interleaved  # noqa: E402

DEFAULT = HERE.parent.parent / "shared" / "corpus" / "bulk"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()

    import spacy_pkuseg
    from tqdm import tqdm

    import govreport_nlp
    from govreport_nlp.runners.batch import extract_many
    from govreport_nlp.readers import SUFFIXES, read_report
    from govreport_nlp.segment.compact import load_segmenter
    from govreport_nlp.segment.resources import model_path

    files = sorted(p for p in args.folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        sys.exit(f"no reports in {args.folder}")
    # Cold start first, in a child process, before this process loads anything that could
    # compete with it for the CPU; on one ordinary FOI report (the seed), so that it
    # measures starting up, not the size of whichever report sorts first.
    cold = median_cold_start(SEED)
    texts = [read_report(p) for p in tqdm(files, desc="reading", unit="file", file=sys.stderr)]
    chars = sum(map(len, texts))

    # pkuseg as it ships: the full model and spacy_pkuseg's own feature code, none of ours.
    with contextlib.redirect_stderr(io.StringIO()):
        seg = spacy_pkuseg.pkuseg(str(model_path()), user_dict=None)
    ours = load_segmenter(model_path())  # the compact model and, when built, the compiled features
    nlp = govreport_nlp.load()
    seg.cut(texts[0])
    govreport_nlp.extract(texts[0])

    def segment():
        for t in tqdm(texts, desc="segment", unit="doc", file=sys.stderr, leave=False):
            seg.cut(t)

    def segment_ours():
        for t in tqdm(texts, desc="segment (ours)", unit="doc", file=sys.stderr, leave=False):
            ours.cut(t)

    def extract_serial():
        for t in tqdm(texts, desc="extract", unit="doc", file=sys.stderr, leave=False):
            govreport_nlp.extract(t, nlp=nlp)

    def extract_parallel():
        for _ in tqdm(extract_many(texts, jobs=args.jobs, texts=True), total=len(texts),
                      desc=f"extract x{args.jobs}", unit="doc", file=sys.stderr, leave=False):
            pass

    t_seg, t_ours, t_one, t_many = best_interleaved(
        [segment, segment_ours, extract_serial, extract_parallel], args.repeat)

    print(f"{len(texts)} reports, {chars:,} characters from {args.folder}")
    for label, seconds in (("(a) pkuseg segmentation", t_seg), ("    our segmenter alone", t_ours),
                           ("(b) extract(), 1 process", t_one),
                           (f"(c) extract_many, {args.jobs} jobs", t_many)):
        print(f"  {label:30} {chars / seconds:10,.0f} chars/s {len(texts) / seconds:8.1f} docs/s")
    print(f"  ratio (b)/(a): {t_seg / t_one:.2f}x  (target >= 3.5x, issue #29)")
    print(f"  ratio (c)/(b): {t_one / t_many:.2f}x  with {args.jobs} jobs")
    print(f"  cold start (median of 3) {cold['total']:.2f} s (import {cold['import']:.2f}, load {cold['load']:.2f}, "
          f"first extract of {SEED.name} {cold['first_extract']:.2f}), peak RSS {cold['peak_rss_mb']:.0f} MB per process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
