#!/usr/bin/env python3
"""Time govreport_nlp.normalize() against cn2an and jionlp on the same expressions.

    python benchmarks/normalizer.py [--n 20000] [--repeat 5] [--table ../shared/eval/expressions.tsv]

Needs the ``bench`` extra (``pip install -e '.[bench]'``). The expressions are the forms
of the table with their digits varied, so that every call sees a distinct string and no
cache can be what makes a library fast. Each library is timed on what it is meant for:

* normalize() on the whole expression (number, unit, modifier, range);
* cn2an.cn2an(x, "smart") on the numeral part only (it reads no units);
* jionlp.parse_money() on the money expressions.

It prints calls per second (best of ``--repeat`` interleaved runs after a warm-up), whether
the compiled fast path is in use and the pure-Python path's own rate, how many of the
table's forms each gets right, and the ratios. Ratios, not absolute numbers, are the
figures to compare across machines.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from pathlib import Path

from govreport_nlp import normalize

from govreport_nlp.numbers import normalizer as numbers

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import best_interleaved

HERE = Path(__file__).resolve().parent
DEFAULT_TABLE = HERE.parent.parent / "shared" / "eval" / "expressions.tsv"
NUMERAL = re.compile(r"[0-9０-９.,，．零〇一二两三四五六七八九十百千万亿点]+")
CN_DIGITS = "一二三四五六七八九"


def load_table(path: Path) -> list[tuple[str, str, float, str, str, float | None]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 6)[:6]
        expr, kind, value, unit, modifier, high = cols
        rows.append((expr, kind, float(value), unit, modifier or None, float(high) if high else None))
    return rows


def vary(expr: str, rng: random.Random) -> str:
    """The same form with other digits: 31.08亿元 -> 57.31亿元, 三千万元 -> 七千万元."""
    out = []
    for i, ch in enumerate(expr):
        if ch.isdigit() and ch.isascii():
            first = i == 0 or not expr[i - 1].isdigit()
            out.append(str(rng.randint(1 if first else 0, 9)))
        elif ch in CN_DIGITS:
            out.append(rng.choice(CN_DIGITS))
        else:
            out.append(ch)
    return "".join(out)


def distinct(forms: list[str], n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    tries = 0
    while len(out) < n and tries < n * 50:
        tries += 1
        expr = vary(rng.choice(forms), rng)
        if expr not in seen:
            seen.add(expr)
            out.append(expr)
    return out


def best_rates(runs: dict[str, tuple], repeat: int) -> dict[str, float]:
    """Calls per second of each ``name -> (func, items)``: best of ``repeat`` interleaved
    passes over all its items, after one warm-up pass."""
    for func, items in runs.values():
        for x in items[: min(len(items), 2000)]:
            func(x)

    def one_pass(func, items):
        def run():
            for x in items:
                func(x)
        return run

    seconds = best_interleaved([one_pass(func, items) for func, items in runs.values()], repeat)
    return {name: len(items) / t for (name, (_, items)), t in zip(runs.items(), seconds, strict=True)}


def close(a, b) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20000, help="distinct expressions to time")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--table", type=Path, default=DEFAULT_TABLE)
    args = ap.parse_args()
    try:
        import cn2an
        import jionlp
    except ImportError as e:
        sys.exit(f"install the bench extra first: pip install -e '.[bench]' ({e})")

    rows = load_table(args.table)
    forms = [r[0] for r in rows]
    money_forms = [r[0] for r in rows if r[1] == "money"]
    exprs = distinct(forms, args.n)
    money = distinct(money_forms, args.n)
    numerals = [m.group() for m in map(NUMERAL.search, exprs) if m]

    def cn(x):
        try:
            return cn2an.cn2an(x, "smart")
        except Exception:  # cn2an raises on what it cannot read
            return None

    def jio(x):
        try:
            return jionlp.parse_money(x)
        except Exception:
            return None

    # Correctness on the table itself.
    ours_ok = sum(
        1 for expr, kind, value, unit, mod, high in rows
        if (q := normalize(expr)) is not None and close(q.value, value) and q.unit == unit and q.kind == kind
        and (q.modifier or None) == mod and (q.value_high is None if high is None else close(q.value_high, high))
    )
    numeral_rows = [r for r in rows if r[1] in ("money", "count", "measure", "duration") and NUMERAL.search(r[0])]
    cn_ok = sum(1 for r in numeral_rows if close(cn(NUMERAL.search(r[0]).group()), r[2]))
    our_numeral_ok = sum(1 for r in numeral_rows if (q := normalize(r[0])) is not None and close(q.value, r[2]))
    money_rows = [r for r in rows if r[1] == "money"]

    def jio_right(r) -> bool:
        got = jio(r[0])
        if not got:
            return False
        num = got.get("num")
        low = num[0] if isinstance(num, list) else num
        return close(low, r[2]) and got.get("case") == r[3]

    jio_ok = sum(1 for r in money_rows if jio_right(r))
    our_money_ok = sum(1 for r in money_rows if (q := normalize(r[0])) is not None and close(q.value, r[2]) and q.unit == r[3])

    rates = best_rates({
        "ours": (normalize, exprs),
        "ours_money": (normalize, money),
        "reference": (numbers._normalize_py, exprs),
        "cn2an": (cn, numerals),
        "jionlp": (jio, money),
    }, args.repeat)
    ours_rate, ours_money_rate, cn_rate, jio_rate = (
        rates["ours"], rates["ours_money"], rates["cn2an"], rates["jionlp"])

    print(f"expressions: {len(exprs)} distinct (money: {len(money)}), table forms: {len(rows)}")
    print(f"compiled fast path: {'yes' if numbers.COMPILED else 'no (pure Python; see setup.py)'}")
    print(f"{'':28}{'calls/s':>12}{'right on table':>18}")
    print(f"{'govreport_nlp.normalize':28}{ours_rate:12,.0f}{f'{ours_ok}/{len(rows)}':>18}")
    print(f"{'  numeral forms':28}{'':12}{f'{our_numeral_ok}/{len(numeral_rows)}':>18}")
    print(f"{'  money forms':28}{ours_money_rate:12,.0f}{f'{our_money_ok}/{len(money_rows)}':>18}")
    print(f"{'  pure-Python path alone':28}{rates['reference']:12,.0f}")
    print(f"{'cn2an.cn2an smart':28}{cn_rate:12,.0f}{f'{cn_ok}/{len(numeral_rows)}':>18}")
    print(f"{'jionlp.parse_money':28}{jio_rate:12,.0f}{f'{jio_ok}/{len(money_rows)}':>18}")
    print(f"ratio normalize / cn2an:        {ours_rate / cn_rate:.2f}x (target >= 3x)")
    print(f"ratio normalize / parse_money:  {ours_money_rate / jio_rate:.2f}x (target >= 10x)")
    costs = per_form_cost(forms, args.repeat)
    median = sorted(costs.values())[len(costs) // 2]
    worst = sorted(costs.items(), key=lambda kv: -kv[1])[:3]
    print(f"per form (us per call, median {median:.2f}): " + ", ".join(
        f"{form!r} {cost:.2f} ({cost / median:.1f}x)" for form, cost in worst) + " (target: none over 5x)")
    return 0


def per_form_cost(forms: list[str], repeat: int, n: int = 200) -> dict[str, float]:
    """Microseconds per call of normalize() for each form of the table, over ``n`` variants
    of it (digits varied), best of ``repeat`` runs."""
    rng = random.Random(11)
    variants = [[vary(form, rng) for _ in range(n)] for form in forms]
    # One round runs every form once, so that a slow spell of the machine falls on all.
    seconds = best_interleaved([lambda items=items: [normalize(x) for x in items] for items in variants], repeat)
    return {form: t / n * 1e6 for form, t in zip(forms, seconds, strict=True)}


if __name__ == "__main__":
    sys.exit(main())
