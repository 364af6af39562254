"""The ``coursekit`` command: sample ledgers, aging, DSO, risk grades and collection plans.

Every subcommand reads a ledger (an .xlsx workbook, a folder of CSV files, or one
CSV of invoices) and prints a table, or writes it with ``--format``/``-o``.
A mistake in the input is reported in one clear message (file, row, column) and
exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from . import __version__
from .values import Note, say

EXAMPLES = """\
examples / 示例:
  coursekit sample demo.xlsx --customers 60          生成样例台账 / write a sample ledger
  coursekit aging demo.xlsx --as-of 2026-10-31        账龄表 / aging table
  coursekit dso demo.xlsx --as-of 2026-10-31 --days 90
  coursekit grades demo.xlsx --as-of 2026-10-31 --lang en
  coursekit plan demo.xlsx --as-of 2026-10-31 -o plan.xlsx   债务催收表 / collection plan
  coursekit report demo.xlsx --as-of 2026-10-31 -o report.html   一份完整报告 / the full report
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="coursekit",
        description="回款实战课堂的计算工具：台账、账龄、DSO、风险等级与催收计划。\n"
                    "Tools of the Receivables Collection Course: ledgers, aging, DSO, risk grades, collection plans.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"coursekit {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def reading(sp):
        """How to read the user's file: every command that loads a ledger takes these."""
        sp.add_argument("--currency", default=None, help="台账含多种币种时选择一种 / pick one currency in a mixed ledger")
        sp.add_argument("--columns", default=None, metavar="MAP",
                        help="指定列名 / name columns yourself, e.g. 'customer=往来户,amount=本币金额'")
        sp.add_argument("--header-row", default=None, metavar="N",
                        help="表头所在行 / the header row (4, or 3:4 for a two-row header); found automatically if omitted")
        sp.add_argument("--sheet", default=None, help="要读的工作表 / the sheet to read as invoices")
        sp.add_argument("--date-format", default=None, metavar="FMT",
                        help="日期格式 / date format for day/month-first dates, e.g. %%m/%%d/%%Y (US) or %%d/%%m/%%Y")
        sp.add_argument("--decimal", choices=[".", ","], default=None,
                        help="小数点 / decimal separator of amounts written as text (default: settled from the "
                             "file, else .)")
        sp.add_argument("--unit", choices=["元", "千元", "万元", "百万元", "亿元"], default=None,
                        help="金额单位 / unit of all amounts (default: from a 单位 line or header, else 元)")
        sp.add_argument("--terms", type=int, default=None, metavar="DAYS",
                        help="账期天数 / payment terms of every invoice, for files with no due dates (a 明细账)")
        sp.add_argument("--export-date", default=None, metavar="DATE",
                        help="导出日 / the day the file was exported (needed for received amounts without dates)")

    def common(sp, as_of_help="统计日 / as-of date, YYYY-MM-DD (default: the export date, else today)"):
        sp.add_argument("ledger", help="台账：.xlsx、CSV 文件夹或发票 CSV / ledger: .xlsx, folder of CSVs, or invoices CSV")
        sp.add_argument("--as-of", default=None, help=as_of_help)
        sp.add_argument("--lang", choices=["zh", "en"], default="zh", help="表头和文字的语言 / language of headers and text")
        sp.add_argument("--format", choices=["table", "csv", "json", "xlsx"], default=None,
                        help="输出格式 / output format (default: table on screen, or from -o's suffix)")
        sp.add_argument("-o", "--output", default=None, help="输出文件 / output file")
        sp.add_argument("-q", "--quiet", action="store_true", help="不显示导入摘要 / do not print the import summary")
        reading(sp)

    s = sub.add_parser("sample", help="写出一份样例台账 / write a deterministic sample ledger",
                       description="写出确定性的样例台账（同一 seed 永远相同）。Write a deterministic sample ledger.")
    s.add_argument("output", help="输出：.xlsx 文件或文件夹（写 CSV）/ output .xlsx file or a folder for CSV files")
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--customers", type=int, default=None,
                   help="客户数 / number of customers, 7 to 20,000 (default 60 or the scenario's)")
    s.add_argument("--months", type=int, default=None, help="月数 / months of trading (default 24 or the scenario's)")
    s.add_argument("--invoices", type=int, default=None, help="发票总数 / total number of invoices")
    s.add_argument("--end", default="2026-10-31", help="最后交易日 / last trading day")
    s.add_argument("--scenario", default=None, help="场景 / scenario: " + ", ".join(__import__("coursekit").SCENARIOS))

    a = sub.add_parser("aging", help="按客户的账龄表 / aging table by customer",
                       description="按客户的账龄表：未到期、1-30、31-60、61-90、91+、未核销收款、合计。")
    common(a)
    a.add_argument("--buckets", default="30,60,90", help="分段上限（含）/ inclusive bucket edges, e.g. 30,60,90")
    a.add_argument("--basis", choices=["due", "invoice"], default="due", help="按到期日或开票日计算 / age from due date or invoice date")
    a.add_argument("--items", action="store_true", help="逐张未结发票 / list open invoices instead")

    d = sub.add_parser("dso", help="DSO 三种算法与最佳 DSO / DSO three ways and Best Possible DSO",
                       description="以统计日为期末，计算标准 DSO、平均余额 DSO、倒推法 DSO、最佳 DSO 和平均逾期天数。")
    common(d, "期末日 / period end, YYYY-MM-DD (default: today)")
    d.add_argument("--days", type=int, default=90, help="期间天数 / days in the period (default 90)")

    g = sub.add_parser("grades", help="五级风险分级 / the five risk grades",
                       description="按课程的五级风险等级（未收款、催收款、准呆账、呆账、死账）给每个客户分级并说明原因。")
    common(g)

    pl = sub.add_parser("plan", help="债务催收表 / the collection plan",
                        description="债务催收表：优先级、文收或武收、下一步动作、对应技巧编号和诉讼时效届满日。")
    common(pl)

    r = sub.add_parser("report", help="完整报告（HTML 或 Excel）/ the full report (HTML or Excel)",
                       description="把账龄表、DSO、风险等级、债务催收表和诉讼时效提醒写进一个 HTML 页面（图表内嵌、"
                                   "离线可看）或一个 Excel 工作簿。Write the aging table, DSO figures, risk grades, "
                                   "collection plan and limitation deadlines to one self-contained HTML page or an Excel workbook.")
    r.add_argument("ledger", help="台账 / ledger: .xlsx, folder of CSVs, or invoices CSV")
    r.add_argument("-o", "--output", required=True, help="report.html 或 report.xlsx")
    r.add_argument("--as-of", default=None, help="统计日 / as-of date, YYYY-MM-DD (default: the export date, else today)")
    r.add_argument("--lang", choices=["zh", "en"], default="zh")
    r.add_argument("--days", type=int, default=90, help="DSO 期间天数 / days in the DSO period")
    r.add_argument("-q", "--quiet", action="store_true", help="不显示导入摘要 / do not print the import summary")
    reading(r)
    __import__("coursekit.excel_tool").excel_tool.add_parser(sub)
    return p


def _date_option(name: str, value: str) -> pd.Timestamp:
    """A date given on the command line, checked: a clear message instead of NaT or a traceback."""
    text = (value or "").strip()
    if not text:
        raise _Mistake(f"{name} is empty; write a date as YYYY-MM-DD, e.g. {name} 2026-11-30",
                       f"{name} 是空的：日期请写成 YYYY-MM-DD，如 {name} 2026-11-30")
    try:
        ts = pd.Timestamp(text)
    except (ValueError, TypeError, OverflowError):
        ts = pd.NaT
    if pd.isna(ts):
        raise _Mistake(f"{name} {value!r} is not a date; write it as YYYY-MM-DD",
                       f"{name} {value!r} 不是日期：请写成 YYYY-MM-DD")
    if not 1950 <= ts.year <= 2100:
        raise _Mistake(f"{name} {value!r} is not a plausible date (years 1950-2100 only)",
                       f"{name} {value!r} 不像是真实的日期（只接受 1950-2100 年）")
    return ts.normalize()


def _as_of(value: str | None, ledger=None) -> pd.Timestamp:
    """The as-of date: as given, else the ledger's export date, else today."""
    if value is None:
        export = getattr(ledger, "export_date", None)
        return export if export is not None else pd.Timestamp(date.today())
    return _date_option("--as-of", value)


def _buckets(text: str) -> tuple[int, ...]:
    parts = [p.strip() for p in str(text).split(",")]
    if not parts or any(p == "" for p in parts):
        raise _Mistake(f"--buckets {text!r} has an empty edge; write whole numbers of days, e.g. 30,60,90",
                       f"--buckets {text!r} 中有空的分段：请写整数天数，如 30,60,90")
    try:
        edges = tuple(int(p) for p in parts)
    except ValueError:
        raise _Mistake(f"--buckets {text!r}: each edge must be a whole number of days, e.g. 30,60,90",
                       f"--buckets {text!r}：每个分段都要是整数天数，如 30,60,90") from None
    return edges


def _column_map(text: str | None) -> dict | None:
    if not text:
        return None
    out = {}
    for part in text.split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise _Mistake(f"--columns: {part.strip()!r} should read NAME=HEADER, e.g. customer=往来户",
                           f"--columns：{part.strip()!r} 应写成 名称=表头，如 customer=往来户")
        canon, header = (x.strip() for x in part.split("=", 1))
        if not canon or not header:
            raise _Mistake(f"--columns: {part.strip()!r} should read NAME=HEADER, e.g. customer=往来户",
                           f"--columns：{part.strip()!r} 应写成 名称=表头，如 customer=往来户")
        out[canon] = header
    return out


def _fail(message: str) -> int:
    print(f"coursekit: {message}", file=sys.stderr)
    return 2


class _Mistake(Exception):
    """A mistake in the command line, said in English and Chinese; :func:`main` prints it in ``--lang``
    and exits with 2."""

    def __init__(self, en: str, zh: str):
        super().__init__(en)
        self.note = Note(en, zh)


def _show(df: pd.DataFrame, args, title: str, sheet: str) -> None:
    from .export import _cents, _defused, with_headers, write_table

    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else "table")
    if fmt not in ("table", "csv", "json", "xlsx"):
        raise _Mistake(f"cannot write {args.output}: use an output ending in .csv, .json or .xlsx, or --format",
                       f"无法写出 {args.output}：输出文件要以 .csv、.json 或 .xlsx 结尾，或用 --format 指定格式")
    if fmt != "table":
        if not args.output:
            if fmt == "xlsx":
                raise _Mistake("--format xlsx needs an output file: add -o FILE.xlsx",
                               "--format xlsx 需要输出文件：加上 -o 文件名.xlsx")
            out = _cents(with_headers(df, args.lang))
            sys.stdout.write(_defused(out).to_csv(index=False) if fmt == "csv" else
                             out.to_json(orient="records", force_ascii=False, date_format="iso", indent=2) + "\n")
            return
        write_table(df, args.output, fmt, args.lang, sheet=sheet)
        print(f"{'已写入' if args.lang == 'zh' else 'wrote'} {args.output}", file=sys.stderr)
        return
    from rich.console import Console
    from rich.table import Table

    shown = with_headers(df, args.lang)
    table = Table(title=title, show_lines=False, header_style="bold")
    for col in shown.columns:
        numeric = pd.api.types.is_numeric_dtype(shown[col])
        table.add_column(str(col), justify="right" if numeric else "left")
    for row in shown.itertuples(index=False):
        table.add_row(*[_cell(v) for v in row])
    Console().print(table)


def _cell(v) -> str:
    """A value as the on-screen table shows it: money to the cent, dates without a midnight time."""
    if isinstance(v, float):
        return "" if v != v else f"{v:,.2f}"
    if isinstance(v, pd.Timestamp):
        return f"{v:%Y-%m-%d}" if v == v.normalize() else str(v)
    return "" if v is None or (not isinstance(v, (list, tuple)) and pd.isna(v)) else str(v)


def _load(args):
    from rich.console import Console

    from .ledger import load_ledger

    options = dict(currency=args.currency, columns=_column_map(args.columns), header_row=args.header_row,
                   date_format=args.date_format, decimal=args.decimal, unit=args.unit, sheet=args.sheet, terms=args.terms,
                   export_date=_date_option("--export-date", args.export_date) if args.export_date else None)
    console = Console(stderr=True)
    with console.status("读取台账 / reading ledger…", spinner="dots") if console.is_terminal else _Null():
        ledger = load_ledger(args.ledger, **options)
    if not args.quiet:
        print(ledger.summary(args.lang), file=sys.stderr)
    else:   # -q hides the summary, never its warnings
        for note in ledger.notes:
            if note.startswith("WARNING"):
                print(f"coursekit: {note.say(args.lang) if hasattr(note, 'say') else note}", file=sys.stderr)
    return ledger


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _run(args) -> int:
    import coursekit as ck

    from .export import check_output, safe_output
    from .xlsx import write_tables

    if args.command == "excel":
        return ck.excel_tool.run(args)
    if getattr(args, "output", None) and args.command != "sample":
        check_output(args.output, [args.ledger])

    if args.command == "sample":
        tables = ck.sample.sample_tables(seed=args.seed, customers=args.customers, months=args.months,
                                         end=args.end, invoices=args.invoices, scenario=args.scenario)
        out = Path(args.output)
        if out.suffix.lower() == ".xlsx":
            write_tables(out, tables)
        else:
            out.mkdir(parents=True, exist_ok=True)
            for name, df in tables.items():
                with safe_output(out / f"{name}.csv") as tmp:
                    df.to_csv(tmp, index=False, encoding="utf-8-sig")
        n = len(tables["invoices"])
        print(f"wrote {out}: {n:,} invoices, {len(tables['payments']):,} payments, {len(tables['customers']):,} customers")
        return 0

    if args.command == "report":
        return _report(args)

    buckets = _buckets(args.buckets) if args.command == "aging" else None
    ledger = _load(args)
    as_of = _as_of(args.as_of, ledger)
    day = f"{as_of:%Y-%m-%d}"
    zh = args.lang == "zh"
    if args.command == "aging":
        if args.items:
            df = ck.open_items(ledger, as_of, buckets, args.basis)
            title = f"未结发票（截至 {day}）" if zh else f"Open invoices as of {day}"
        else:
            df = ck.aging(ledger, as_of, buckets, args.basis)
            df.loc["合计" if zh else "Total"] = df.sum()
            if zh:
                df = df.rename(columns={"current": "未到期", "unapplied": "未核销收款", "total": "合计"})
            title = f"账龄表（截至 {day}）" if zh else f"Aging as of {day}"
        _show(df, args, title, "aging")
    elif args.command == "dso":
        return _dso(ck, ledger, as_of, args)
    elif args.command == "grades":
        df = ck.risk_grades(ledger, as_of)
        df = df.drop(columns=["reason_en", "grade_en"] if zh else ["reason_zh", "grade_zh"])
        _show(df, args, f"风险等级（截至 {day}）" if zh else f"Risk grades as of {day}", "grades")
    elif args.command == "plan":
        df = ck.collection_plan(ledger, as_of, lang=args.lang)
        _show(df, args, f"债务催收表（截至 {day}）" if zh else f"Collection plan as of {day}", "plan")
    return 0


DSO_LABELS = {
    "credit_sales": "期间赊销额 / credit sales", "beginning_ar": "期初应收 / beginning AR",
    "ending_ar": "期末应收 / ending AR", "ending_current_ar": "期末未到期应收 / ending current AR",
    "standard": "标准 DSO / standard DSO", "average": "平均余额 DSO / average-balance DSO",
    "countback": "倒推法 DSO / countback DSO", "best_possible": "最佳 DSO / Best Possible DSO",
    "add": "平均逾期天数 / ADD",
}


def _dso(ck, ledger, as_of, args) -> int:
    """DSO three ways; a figure the ledger cannot give is shown as n/a with the reason."""
    zh = args.lang == "zh"
    f = ck.metrics.period_figures(ledger, as_of, args.days)
    window = f"{f['period_start']} – {f['period_end']}"
    if f["credit_sales"] <= 0:
        first, last = ledger.invoices["invoice_date"].min(), ledger.invoices["invoice_date"].max()
        raise _Mistake(f"no credit sales in the {args.days}-day window {window} (invoices run from "
                       f"{first:%Y-%m-%d} to {last:%Y-%m-%d}); choose an --as-of inside those dates or a longer --days",
                       f"{args.days} 天的期间 {window} 里没有赊销（发票日期从 {first:%Y-%m-%d} 到 {last:%Y-%m-%d}）："
                       "请把 --as-of 定在这段日期之内，或用更长的 --days")
    days = args.days
    figures = ck.metrics.dso_figures(ledger, as_of, days)
    df = pd.DataFrame({"metric": [DSO_LABELS[k] for k in figures.index], "value": figures["value"].to_numpy()})
    if (figures["note"] != "").any():
        df["note"] = figures["note"].to_numpy()
    _show(df, args, f"DSO（{window}，{days} 天）" if zh else f"DSO for {window} ({days} days)", "dso")
    return 0


def _report(args) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from .report import write_report

    steps = ["load", "aging", "dso", "grades", "plan", "deadlines", "charts", "write"]
    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=console,
                  disable=not console.is_terminal, transient=True) as bar:
        task = bar.add_task("读取台账 / reading ledger", total=len(steps))
        ledger = _load(args)
        bar.advance(task)

        def progress(name):
            bar.update(task, description=name, completed=steps.index(name))

        out = write_report(ledger, _as_of(args.as_of, ledger), args.output, lang=args.lang, days=args.days,
                           progress=progress)
        bar.update(task, completed=len(steps))
    print(f"{'已写入' if args.lang == 'zh' else 'wrote'} {out}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    from .ledger import LedgerError

    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    lang = getattr(args, "lang", "zh")
    try:
        return _run(args)
    except _Mistake as exc:
        raise SystemExit(_fail(exc.note.say(lang))) from None
    except LedgerError as exc:
        tail = "\n按上面写明的文件、行、列改正后再运行（或按提示加上相应选项）。" if lang == "zh" else ""
        return _fail(exc.describe(lang) + tail)
    except (ValueError, OSError) as exc:
        return _fail(say(exc.args[0], lang) if exc.args and isinstance(exc.args[0], Note) else str(exc))
    except KeyboardInterrupt:
        return _fail(say(Note("interrupted; nothing was written", "已中断，没有写出任何文件"), lang))


if __name__ == "__main__":
    sys.exit(main())
