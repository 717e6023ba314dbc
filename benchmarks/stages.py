#!/usr/bin/env python3
"""Where extract()'s time goes: seconds, share and characters per second of each stage.

    python benchmarks/stages.py [FOLDER] [--repeat 2]

Default FOLDER: ../shared/corpus/bulk. Each report is run as extract() runs it (the same
component settings, inside ``nlp.memory_zone()``), with a clock around every stage:

  segmentation       the pkuseg segmenter's cut() of the text (words only)
  Doc construction   the rest of the tokenizer: aligning the words to the text, the Doc,
                     and after the zone the tokenizer's settle() (the dictionary's words
                     kept in the vocabulary: segment/tokenizer.py)
  <component>        each pipeline component (govreport_sections, ...)
  Report and JSON    report_from_doc() (the pydantic models) and model_dump_json()

and, apart, the garbage collector's time within them. "chars/s alone" is the corpus's
characters over the stage's seconds: how fast the whole would run if it were the only
stage. Each figure is the best of ``--repeat`` rounds over the corpus.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus" / "bulk"
# As api._extract_text runs a text that fits in one Doc.
CFG: dict[str, dict[str, Any]] = {
    "govreport_sections": {"report_year": None, "known": None},
    "govreport_quantities": {"set_ents": False}, "govreport_entities": {"set_ents": False}}


class GcClock:
    """Seconds spent in the garbage collector while started."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._t0 = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._t0 = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._t0


def one_round(nlp: Any, texts: list[str]) -> dict[str, float]:
    """Seconds per stage over ``texts``, in pipeline order."""
    from govreport_nlp.api import report_from_doc
    from govreport_nlp.pipeline.doc_cache import remember_text
    from govreport_nlp.segment.tokenizer import LinearChineseTokenizer

    seg = nlp.tokenizer.pkuseg_seg
    if not isinstance(nlp.tokenizer, LinearChineseTokenizer):
        sys.exit("the pipeline's tokenizer is not govreport_nlp's: the stages would not be extract()'s")
    clock = time.perf_counter
    out: dict[str, float] = {"segmentation": 0.0, "Doc construction": 0.0}
    out.update({name: 0.0 for name in nlp.pipe_names})
    out["Report and JSON"] = 0.0
    gc_clock = GcClock()
    gc.callbacks.append(gc_clock)
    try:
        for text in texts:
            with nlp.memory_zone():
                # nlp.make_doc as extract() runs it (segment/tokenizer.py: segmenting, aligning,
                # noting the dictionary's words for settle(), building the Doc); the
                # segmentation alone is timed on the same text first and taken out of it.
                t0 = clock()
                seg.cut(text)
                t1 = clock()
                doc = nlp.tokenizer(text)
                t2 = clock()
                out["segmentation"] += t1 - t0
                out["Doc construction"] += max(0.0, (t2 - t1) - (t1 - t0))
                remember_text(doc, text)
                for name, proc in nlp.pipeline:
                    t0 = clock()
                    doc = proc(doc, **CFG.get(name, {}))
                    out[name] += clock() - t0
                t0 = clock()
                report_from_doc(doc).model_dump_json()
                out["Report and JSON"] += clock() - t0
                del doc
            t0 = clock()
            settle = getattr(nlp.tokenizer, "settle", None)
            if settle is not None:
                settle()
            out["Doc construction"] += clock() - t0
    finally:
        gc.callbacks.remove(gc_clock)
    out["(garbage collection, within the above)"] = gc_clock.seconds
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()

    import govreport_nlp
    from govreport_nlp.readers import SUFFIXES, read_report

    nlp = govreport_nlp.load()
    files = sorted(p for p in args.folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    texts = [read_report(p) for p in files]
    longer = [t for t in texts if len(t) > nlp.max_length]
    texts = [t for t in texts if t.strip() and len(t) <= nlp.max_length]
    if not texts:
        sys.exit(f"no reports in {args.folder}")
    chars = sum(map(len, texts))
    govreport_nlp.extract(texts[0], nlp=nlp)  # warm up
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for stage, seconds in one_round(nlp, texts).items():
            best[stage] = min(best.get(stage, float("inf")), seconds)
    total = sum(v for k, v in best.items() if not k.startswith("("))
    note = f" ({len(longer)} longer than one Doc left out)" if longer else ""
    print(f"{len(texts)} reports, {chars:,} characters from {args.folder}{note}; best of {args.repeat}")
    print(f"  {'stage':40} {'seconds':>8} {'share':>7} {'chars/s alone':>14}")
    for stage, seconds in best.items():
        print(f"  {stage:40} {seconds:8.2f} {seconds / total:6.1%} {chars / max(seconds, 1e-9):14,.0f}")
    print(f"  {'total':40} {total:8.2f} {1:6.1%} {chars / total:14,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
