#!/usr/bin/env python3
"""Time per character of extract() over input sizes, for the input shapes that have been
superlinear: a sign of work that grows faster than the text.

    python benchmarks/scaling.py [--sizes 10000,100000,1000000] [--shapes all]

For each shape it prints, per size, the seconds, the microseconds per character and the
ratio of that to the smallest size's (1.0 for linear work; 10 means ten times the cost per
character at ten times the size, i.e. quadratic). No assertion: CI does not time things.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# 淮安市 2024 FOI report: prose that restates its template tables (the consistency check).
FOI = HERE.parent / "tests" / "data" / "huaian_city_foi_2024.txt"
SEED = HERE.parent / "seeds" / "tuyouqi_2017_foi_annual.txt"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _table_rows(size: int) -> str:
    row = "（一）予以公开\t9\t0\t0\t0\t0\t0\t9\n"
    return "三、收到和处理政府信息公开申请情况\n" + _repeat(row, size)


# Each shape: a function of the size in characters.
SHAPES = {
    "report text": lambda n: _repeat(SEED.read_text(encoding="utf-8") + "\n", n),
    "one long sentence": lambda n: _repeat("全年办理申请12件，", n).replace("。", ""),
    "one line without punctuation": lambda n: _repeat("政府信息公开工作", n),
    "words between spaces": lambda n: _repeat("政府 信息 公开 12 件 ", n),
    "tab table rows": _table_rows,
    "百分之 repeated": lambda n: _repeat("百分之", n),
    "run-together digits": lambda n: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量" + _repeat("1", n),
    "FOI report with tables repeated": lambda n: _repeat(FOI.read_text(encoding="utf-8") + "\n", n),
    "表二 headings repeated": lambda n: _repeat("二、主动公开政府信息情况\n行政许可 0\n", n)
    + "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n",
    "nested html": lambda n: "<div>" * (n // 11) + "预算资金31.08亿元" + "</div>" * (n // 11),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000",
                    help="comma-separated sizes in characters (default 10k, 100k, 1M)")
    ap.add_argument("--shapes", default="all", help="comma-separated shape names, or all")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = list(SHAPES) if args.shapes == "all" else [s.strip() for s in args.shapes.split(",")]

    import govreport_nlp
    from govreport_nlp.readers.html import html_document

    nlp = govreport_nlp.load()
    govreport_nlp.extract(SEED.read_text(encoding="utf-8"), nlp=nlp)  # warm up
    print(f"{'shape':30} {'chars':>9} {'seconds':>9} {'us/char':>9} {'ratio':>7}")
    for name in names:
        base = None
        for size in sizes:
            text = SHAPES[name](size)
            start = time.perf_counter()
            if name == "nested html":
                govreport_nlp.extract(html_document(text).text, nlp=nlp)
            else:
                govreport_nlp.extract(text, nlp=nlp).model_dump_json()
            seconds = time.perf_counter() - start
            per = seconds / len(text) * 1e6
            base = base or per
            print(f"{name:30} {len(text):9d} {seconds:9.3f} {per:9.2f} {per / base:7.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
