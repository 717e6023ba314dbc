"""One body's FOI requests over the years, from the panel, as an SVG bar chart.

    python examples/panel_plot.py ../shared/corpus/*/hebei_jyt_foi_20*.txt -o docs/panel_hebei_jyt.svg

Reads the reports with :func:`govreport_nlp.panel`, takes 表三's 本年新收 and 予以公开 totals
per report year and draws them side by side. Plain SVG, written by hand: no plotting
library is needed to look at it (a browser or any Markdown viewer shows it).
"""

from __future__ import annotations

import argparse
import html
from typing import Sequence

SERIES = (("本年新收政府信息公开申请数量", "新收申请", "#4c72b0"), ("予以公开", "予以公开", "#dd8452"))


def series(frame) -> dict[int, dict[str, float]]:
    """{report year: {row: 表三 总计}} for the rows of SERIES."""
    cells = frame[(frame.source == "table") & (frame.table == "table3") & (frame.column == "总计")
                  & frame.row.isin([row for row, _, _ in SERIES])]
    out: dict[int, dict[str, float]] = {}
    for year, row, value in zip(cells.report_year, cells.row, cells.value, strict=True):
        out.setdefault(int(year), {}).setdefault(row, float(value))
    return dict(sorted(out.items()))


def bar_chart(data: dict[int, dict[str, float]], title: str) -> str:
    """A grouped bar chart of ``data`` as a standalone SVG document."""
    width, height, left, bottom, top = 120 + 110 * len(data), 320, 50, 40, 50
    top_value = max((v for row in data.values() for v in row.values()), default=1) or 1
    scale = (height - top - bottom) / top_value
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' font-family='sans-serif'>",
             f"<text x='{left}' y='24' font-size='15'>{html.escape(title)}</text>",
             f"<line x1='{left}' y1='{height - bottom}' x2='{width - 20}' y2='{height - bottom}' stroke='#333'/>"]
    for i, (year, row) in enumerate(data.items()):
        x0 = left + 20 + i * 110
        for j, (key, _, color) in enumerate(SERIES):
            value = row.get(key)
            if value is None:
                continue
            h = value * scale
            x, y = x0 + j * 36, height - bottom - h
            parts.append(f"<rect x='{x}' y='{y:.1f}' width='32' height='{h:.1f}' fill='{color}'/>")
            parts.append(f"<text x='{x + 16}' y='{y - 4:.1f}' font-size='11' text-anchor='middle'>{value:g}</text>")
        parts.append(f"<text x='{x0 + 34}' y='{height - bottom + 18}' font-size='12' text-anchor='middle'>{year}</text>")
    for j, (_, label, color) in enumerate(SERIES):
        parts.append(f"<rect x='{width - 150}' y='{34 + j * 18}' width='12' height='12' fill='{color}'/>"
                     f"<text x='{width - 132}' y='{44 + j * 18}' font-size='12'>{html.escape(label)}</text>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main(argv: Sequence[str] = ()) -> int:
    import govreport_nlp

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--title", default="河北省教育厅: 依申请公开 (表三 总计)")
    args = ap.parse_args(list(argv) or None)
    data = series(govreport_nlp.panel(args.paths))
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(bar_chart(data, args.title))
    print(f"{args.output}: {len(data)} report years")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
