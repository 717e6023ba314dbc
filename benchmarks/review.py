#!/usr/bin/env python3
"""Suspicious subjects over a folder of reports without gold: how to find the next failure
class of the subject linker.

    python benchmarks/review.py [FOLDER] [--examples 3] [--json]

Default FOLDER: ../shared/corpus/bulk (every file extract_file() reads). For each report and
in total it counts the facts whose subject is

  none      no subject at all
  verb_end  ends in a verb, an adverb or a particle (…加快, …达, …的): a word of the
            predicate fused onto the noun
  place_org begins with a place or an organization of the report (万载县…, 省教育厅…):
            the where or who, not the what
  long      longer than 15 characters
  digit     holds a digit (a number or a date fused onto it)
  generic   a bare classifier or a generic word (个, 数量, 情况, 工作)

and prints examples of each (subject, quantity, sentence). A fact may fall in more than one
class. The totals before and after a change show whether it generalizes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from govreport_nlp import extract_file
from govreport_nlp.lexicons import subjects as lex
from govreport_nlp.readers import SUFFIXES
from govreport_nlp.rules.gazetteer import divisions

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bulk"
CLASSES = ("none", "verb_end", "place_org", "long", "digit", "generic")
# Words a subject should not end in: verbs of the predicate, adverbs, particles and fillers.
_ENDINGS = sorted(set(lex.OBJECT_VERBS) | set(lex.INCREASE_VERBS) | set(lex.DECREASE_VERBS)
                  | set(lex.REACHING_VERBS) | set(lex.PREDICATE_VERBS) | set(lex.MANNER_ADVERBS)
                  | {f for f in lex.FILLERS if len(f) > 1} | set(lex.GLUED_FILLERS)
                  | {"的", "了", "着", "等", "并", "和", "及", "或"},
                  key=len, reverse=True)
_ENDING = re.compile(f"(?:{'|'.join(map(re.escape, _ENDINGS))})$")
_DIGIT = re.compile(r"[0-9０-９]")
# Subjects that name nothing by themselves.
_GENERIC = {"数量", "总数", "数", "情况", "工作", "方面", "其中", "合计", "总计", "项目", "个数", "件数",
            "内容", "事项", "问题", "方式", "比例", "比重", "占比", "金额", "规模"}


def classify(subject: str | None, names: list[str], rule: str | None = None) -> list[str]:
    """The suspicious classes of one subject (an empty list when it looks right)."""
    if not subject:
        return ["none"]
    out = []
    if _ENDING.search(subject) and subject not in lex.OBJECT_VERBS and rule not in ("outcome_category", "verb"):
        out.append("verb_end")
    if any(subject.startswith(n) and len(subject) > len(n) for n in names):
        out.append("place_org")
    if len(subject) > 15:
        out.append("long")
    if _DIGIT.search(subject):
        out.append("digit")
    if len(subject) == 1 or subject in _GENERIC:
        out.append("generic")
    return out


def review(folder: Path, examples: int) -> dict:
    """Counts per report and in total, with examples per class."""
    per_report: dict[str, Counter] = {}
    total: Counter = Counter()
    shown: dict[str, list[dict]] = {c: [] for c in CLASSES}
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    for path in files:
        try:
            report = extract_file(path)
        except Exception as e:  # a file the readers refuse is reported, not fatal
            print(f"review: skipped {path.name}: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        names = sorted({e.text for e in report.entities if e.label in ("GPE", "ORG")} | set(divisions()),
                       key=len, reverse=True)
        counts: Counter = Counter(facts=len(report.facts))
        for fact in report.facts:
            for cls in classify(fact.subject, names, fact.subject_rule):
                counts[cls] += 1
                if len(shown[cls]) < examples:
                    shown[cls].append({"report": path.stem, "subject": fact.subject, "quantity": fact.quantity.text,
                                       "rule": fact.subject_rule, "sentence": fact.sentence.strip()[:80]})
        per_report[path.stem] = counts
        total.update(counts)
    return {"reports": {k: dict(v) for k, v in per_report.items()}, "total": dict(total), "examples": shown}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--examples", type=int, default=3, help="examples per class (default 3)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args()
    if not args.folder.is_dir():
        print(f"review: no folder {args.folder}", file=sys.stderr)
        return 2
    result = review(args.folder, args.examples)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    header = f"{'report':45} {'facts':>6} " + " ".join(f"{c:>9}" for c in CLASSES)
    print(header)
    for name, counts in result["reports"].items():
        print(f"{name[:45]:45} {counts.get('facts', 0):6d} " + " ".join(f"{counts.get(c, 0):9d}" for c in CLASSES))
    t = result["total"]
    print(f"{'TOTAL':45} {t.get('facts', 0):6d} " + " ".join(f"{t.get(c, 0):9d}" for c in CLASSES))
    for cls in CLASSES:
        if result["examples"][cls]:
            print(f"\n{cls}:")
            for ex in result["examples"][cls]:
                print(f"  {ex['report'][:28]:28} {ex['subject']!s:22} {ex['quantity']:>10} [{ex['rule']}] {ex['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
