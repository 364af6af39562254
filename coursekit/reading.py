"""Reading receivables files as ERPs and people actually write them.

:func:`load_ledger` takes an Excel workbook, a CSV/TXT file (UTF-8, UTF-8 with BOM,
GBK/GB18030 or UTF-16; comma, semicolon or tab separated) or a folder of CSV files,
and before any value is read:

* finds the **header row** in the first rows (title lines such as 应收账款明细表,
  编制单位 and 单位：元 above it are read for the export date and the unit), and
  combines a **two-row header** with merged parent cells (the leaf name wins);
* expands **merged cells** of identity columns (a customer name merged down its
  group) and refuses merged amount or date cells, which cannot be assigned to a row;
* leaves out **totals and subtotals** (合计, 小计, 总计, Total, Total for …) after
  checking each against the rows it sums, **blank rows**, and **note rows** with no
  invoice data (section headings, 制表人 lines), and says so;
* keeps the spreadsheet's own row numbers, so every message points at the row the
  user sees.

What it inferred is recorded in :attr:`Ledger.notes`; :meth:`Ledger.summary` prints it.
When something cannot be decided it stops and names the option to add
(``--header-row``, ``--columns``, ``--date-format``, ``--export-date``).
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import values as V
from .columns import CANONICAL, UNITS, header_key, lookup
from .ledger import Ledger, LedgerError, Note, Problem

__all__ = ["load_ledger", "read_table"]

_SHEETS = {
    "invoices": ("invoices", "invoice", "发票", "应收", "应收明细", "销售发票", "应收账款", "应收账款明细"),
    "payments": ("payments", "payment", "收款", "回款", "收款明细", "回款明细"),
    "customers": ("customers", "customer", "客户", "客户信息", "客户档案"),
}
# A totals row: a strict label stands alone; a looser one ("Total ABC Ltd", "杭州恒远 小计") only counts when
# the row has no invoice number or date of its own (a customer may well be called "Total Petroleum").
_TOTAL_STRICT = re.compile(r"^\s*(合\s*计|小\s*计|总\s*计|总合计|本页合计|本月合计|本期合计|本年累计|累\s*计|共\s*计|"
                           r"totals?|sub-?totals?|grand\s*total|total\s*[:：].*|total\s+for\b.*)\s*[:：]?\s*$", re.I)
_CARRIED = re.compile(r"^\s*(承前页|过次页|转次页|carried\s+forward|brought\s+forward\s+from\s+previous\s+page)\s*$", re.I)
_OPENING = re.compile(r"^\s*(期初余额|期初|年初余额|上期结转|上年结转|opening\s+balance|balance\s+(b/?f|forward)|"
                      r"brought\s+forward|b/f)\s*[:：]?\s*$", re.I)
_TOTAL_LOOSE = re.compile(r"^\s*(total\s+\S.*|.{1,60}(合计|小计|总计))\s*[:：]?\s*$", re.I)
_DATE_LINE = re.compile(r"(日期|截止|截至|报表日|期间|期末|as\s*of|as\s*at|date|period|printed)", re.I)
_ISO = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_DAY_MON_YEAR = re.compile(r"(?<!\d)(\d{1,2})-(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)-(\d{4})", re.I)
_MONTH_NAME = re.compile(r"([A-Z][a-z]+)\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})")
_UNIT_LINE = re.compile(r"单位\s*[:：]\s*(?:人民币)?\s*(百万元|千元|万元|亿元|元)")
_IDENTITY = ("customer", "salesperson", "region", "currency")
_KEY_COLUMNS = ("invoice_id", "invoice_date", "due_date", "amount", "received", "outstanding", "settled_date",
                "payment_date")
_HEAD_ROWS = 40
_SMALL_XLSX = 15 * 1024 * 1024


@dataclass
class _Sheet:
    name: str | None
    grid: pd.DataFrame                     # cells as read, 0-based rows and columns
    where: str                             # "ar.xlsx, sheet '应收明细'" or "ar.csv"
    first_row: int = 1                     # the file's row number of grid row 0
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)   # 0-based, inclusive
    line_based: bool = False               # CSV: rows are lines
    hidden: list[int] = field(default_factory=list)   # file rows hidden or filtered out in the sheet


def _fail(where: str, message: Note) -> LedgerError:
    """One problem about a whole file or sheet; ``message`` is a :class:`Note` (English and Chinese)."""
    return LedgerError([Problem(where, message)])


_EMPTY = Note("is empty: there is nothing to read", "文件是空的，没有可读的内容")
_RESAVE = "请用 Excel 或 WPS 打开，另存为 CSV UTF-8"


# -- files to grids ----------------------------------------------------------------------------
def _decode(path: Path) -> str:
    raw = path.read_bytes()
    if not raw.strip():
        raise _fail(path.name, _EMPTY)
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16")
    if raw[:4] == b"PK\x03\x04":
        raise _fail(path.name, Note("is an Excel workbook (.xlsx) with the wrong ending: rename it to .xlsx",
                                    "其实是 Excel 工作簿（.xlsx），只是扩展名不对：请把扩展名改为 .xlsx"))
    if raw[:4] == b"\xd0\xcf\x11\xe0":
        raise _fail(path.name, Note("is an old Excel (.xls) or password-protected workbook, not text: open it in "
                                    "Excel or WPS and save it as .xlsx or CSV UTF-8",
                                    "是旧版 Excel（.xls）或加了密码的工作簿，不是文本：请用 Excel 或 WPS 打开后"
                                    "另存为 .xlsx 或 CSV UTF-8"))
    if raw.count(b"\x00") > len(raw) // 4:
        try:
            return raw.decode("utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be")
        except UnicodeDecodeError:
            raise _fail(path.name, Note("is a binary file, not a CSV text file",
                                        "是二进制文件，不是 CSV 文本文件")) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _fail(path.name, Note("is neither UTF-8 nor GBK text", "既不是 UTF-8 也不是 GBK 编码的文本"))  # pragma: no cover - gb18030 decodes nearly anything


def _delimiter(lines: list[str]) -> str:
    best, score = ",", 0
    for d in (",", "\t", ";", "|"):
        counts = sorted(line.count(d) for line in lines if line.strip())
        if counts and counts[len(counts) // 2] > score:
            best, score = d, counts[len(counts) // 2]
    return best


def _csv_error(text: str, sep: str, name: str) -> LedgerError:
    """Find the exact line that breaks the CSV and say what to do."""
    reader = csv.reader(io.StringIO(text), delimiter=sep, strict=True)
    try:
        for _ in reader:
            pass
    except csv.Error as exc:
        return _fail(name, Note(f"line {reader.line_num}: {exc}. A quote character (\") opens or ends a field "
                                "where it should not; open the file in Excel or WPS and save it again as CSV UTF-8",
                                f"第 {reader.line_num} 行有个引号（\"）出现在不该开始或结束字段的地方：{_RESAVE}"))
    return _fail(name, Note("cannot be read as CSV; open it in Excel or WPS and save it again as CSV UTF-8",
                            f"无法按 CSV 读取：{_RESAVE}"))


def _read_csv(path: Path, name: str | None = None) -> _Sheet:
    text = _decode(path)
    label = name or path.name
    head_lines = text.splitlines()[:_HEAD_ROWS]
    sep = _delimiter(head_lines)
    try:
        rows = list(csv.reader(io.StringIO("\n".join(head_lines)), delimiter=sep, strict=True))
    except csv.Error:
        raise _csv_error(text, sep, label) from None
    width = max((len(r) for r in rows), default=0)
    if width == 0:
        raise _fail(label, Note("has no columns to read", "没有可读的列"))
    try:
        grid = pd.read_csv(io.StringIO(text), sep=sep, header=None, names=range(width), dtype=str,
                           keep_default_na=False, skip_blank_lines=False, index_col=False)
    except pd.errors.ParserError as exc:
        m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if m:
            expected, line, saw = m.groups()
            raise _fail(label, Note(f"line {line} has {saw} fields but the rows above have {expected}: a comma "
                                    "inside an unquoted value (such as 1,234.50) splits it in two. Put such values "
                                    "in quotes, or save the file again from Excel or WPS as CSV",
                                    f"第 {line} 行有 {saw} 个字段，而上面各行是 {expected} 个：没加引号的值里有逗号"
                                    "（如 1,234.50），被拆成了两个字段。请给这样的值加上引号，或用 Excel 或 WPS "
                                    "重新另存为 CSV")) from None
        raise _csv_error(text, sep, label) from None
    except (UnicodeError, ValueError) as exc:
        raise _fail(label, Note(f"cannot be read as CSV ({exc})", f"无法按 CSV 读取（{exc}）")) from None
    return _Sheet(None, grid, label, 1, [], True)


def _read_xlsx(path: Path) -> list[_Sheet]:
    import openpyxl

    raw = path.read_bytes()[:8]
    if raw[:4] == b"\xd0\xcf\x11\xe0":
        raise _fail(path.name, Note("is password-protected or an old .xls workbook: remove the password, or open it "
                                    "in Excel or WPS and save it as .xlsx, then try again",
                                    "加了密码，或是旧版 .xls 工作簿：请去掉密码，或用 Excel 或 WPS 打开后另存为 "
                                    ".xlsx，再试一次"))
    small = path.stat().st_size <= _SMALL_XLSX
    try:
        wb = openpyxl.load_workbook(path, data_only=True, read_only=not small)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
        raise _fail(path.name, Note(f"cannot be opened as an Excel workbook: the file is damaged or incomplete "
                                    f"({exc}); export it again",
                                    "无法作为 Excel 工作簿打开：文件已损坏或不完整，请重新导出")) from None
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        detail = f"{type(exc).__name__}: {exc}"
        raise _fail(path.name, Note(f"cannot be read as an Excel workbook ({detail})",
                                    f"无法作为 Excel 工作簿读取（{detail}）")) from None
    sheets = []
    for ws in wb.worksheets:
        rows = [list(r) for r in ws.iter_rows(min_row=1, values_only=True)]
        width = max((len(r) for r in rows), default=0)
        grid = pd.DataFrame([r + [None] * (width - len(r)) for r in rows], dtype=object)
        merges = []
        if small:
            merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
        hidden = [r for r, dim in ws.row_dimensions.items() if dim.hidden] if small else []
        where = Note(f"{path.name}, sheet '{ws.title}'", f"{path.name} 的工作表“{ws.title}”")
        sheets.append(_Sheet(ws.title, grid, where, 1, merges, hidden=hidden))
    return sheets


def _check_formulas(path: Path, sheets: dict[str, _Sheet]) -> None:
    """A formula cell with no saved result reads as empty. Asked only once the ledger has found empty or
    unreadable cells (a second pass over the workbook costs as much as the first): say so instead."""
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=False, read_only=True)
    for sheet in sheets.values():
        missing = []
        for row in wb[sheet.name].iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("=") and hasattr(cell, "row"):
                    r, c = cell.row - 1, cell.column - 1
                    if r < len(sheet.grid) and c < sheet.grid.shape[1] and sheet.grid.iat[r, c] is None:
                        missing.append(cell.coordinate)
        if missing:
            first = ", ".join(missing[:5])
            raise _fail(sheet.where, Note(f"{len(missing):,} cells hold formulas with no saved result (first: {first}); "
                                          "the program that wrote the file did not calculate them. Open the file in "
                                          "Excel, WPS or LibreOffice, save it, and try again",
                                          f"有 {len(missing):,} 个单元格是公式，但没有保存计算结果（如 {first}）："
                                          "生成这个文件的程序没有计算它们。请用 Excel、WPS 或 LibreOffice 打开文件，"
                                          "保存后再试"))


# -- grids to tables ---------------------------------------------------------------------------
def _cell_text(v) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    return str(v).strip()


def _score(cells: list[str], table: str) -> int:
    """How many distinct canonical columns a candidate header row names."""
    return len({hit[0] for hit in (lookup(x, table) for x in cells if x) if hit})


def _find_header(sheet: _Sheet, table: str, header_row) -> tuple[int, int]:
    """The first and last grid row of the header (equal for a one-row header)."""
    grid = sheet.grid
    if header_row is not None:
        first, last = _parse_header_row(header_row)
        first, last = first - sheet.first_row, last - sheet.first_row
        if not 0 <= first <= last < len(grid):
            n = len(grid) + sheet.first_row - 1
            raise _fail(sheet.where, Note(f"--header-row {header_row} is outside the file's {n} rows",
                                          f"--header-row {header_row} 超出了文件的范围（文件共 {n} 行）"))
        return first, last
    n = min(len(grid), _HEAD_ROWS)
    rows = [[_cell_text(v) for v in grid.iloc[r]] for r in range(n)]
    best, choice = 0, (0, 0)
    for r in range(n):
        s1 = _score(rows[r], table)
        if s1 > best:
            best, choice = s1, (r, r)
        if r + 1 < n:
            combined = [leaf or parent for parent, leaf in zip(rows[r], rows[r + 1], strict=True)]
            s2 = _score(combined, table)
            if s2 > best and s2 > _score(rows[r + 1], table):
                best, choice = s2, (r, r + 1)
    return choice


def _parse_header_row(value) -> tuple[int, int]:
    if isinstance(value, (tuple, list)):
        return int(value[0]), int(value[-1])
    text = str(value).strip()
    m = re.fullmatch(r"(\d+)(?:\s*[:\-–]\s*(\d+))?", text)
    if not m:
        raise ValueError(f"--header-row {value!r}: give a row number such as 4, or two rows such as 3:4")
    first = int(m.group(1))
    last = int(m.group(2) or first)
    if first < 1 or last < first:
        raise ValueError(f"--header-row {value!r}: rows count from 1 and the second must not come first")
    return first, last


_AS_OF_WORDS = re.compile(r"(截至|截止|期末|报表日|as\s*of|as\s*at|至|to)\s*(日期|日|date)?\s*[:：]?\s*$", re.I)
_PRINT_WORDS = re.compile(r"(打印|制表|编制|生成|导出时间|printed|run\s*date|generated)[^:：]{0,4}[:：]?\s*$", re.I)


def _dates_in(text: str) -> list[tuple[int, pd.Timestamp, int]]:
    """Dates in a title line with their weight: 2 for 'as of' dates (截至, 期末, As of, the end of a period),
    1 for a plain 日期/Date, 0 for a print or preparation date (打印日期, 制表日期), which may be later than the data."""
    found = []
    for m in _ISO.finditer(text):
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            found.append((m.start(), pd.Timestamp(y, mo, d)))
    for m in _NUMERIC_DATE.finditer(text):
        # 30/11/2026 or 11/30/2026: read only when one field is over 12 (or both are the same), never guessed
        a, b, y = (int(g) for g in m.groups())
        day, month = (a, b) if a > 12 >= b else (b, a) if b > 12 >= a else (a, b) if a == b else (None, None)
        if day is not None and 1 <= month <= 12 and day <= 31:
            try:
                found.append((m.start(), pd.Timestamp(y, month, day)))
            except ValueError:
                pass
    for m in _DAY_MON_YEAR.finditer(text):       # Oracle prints 30-NOV-2026
        try:
            found.append((m.start(), pd.Timestamp(f"{m.group(1)} {m.group(2).title()} {m.group(3)}")))
        except ValueError:
            pass
    for m in _MONTH_NAME.finditer(text):
        name, d, y, d2, name2, y2 = m.groups()
        try:
            found.append((m.start(), pd.Timestamp(f"{name} {d} {y}" if name else f"{d2} {name2} {y2}")))
        except ValueError:
            pass
    out = []
    for pos, ts in found:
        before = text[max(0, pos - 14):pos]
        weight = 2 if _AS_OF_WORDS.search(before) else 0 if _PRINT_WORDS.search(before) else 1
        out.append((weight, ts, pos))
    return out


def _title_info(sheet: _Sheet, upto: int) -> tuple[pd.Timestamp | None, str | None, str | None, list[str]]:
    """Export date and unit from the title lines above the header.

    The export date is the latest 'as of' date (截至 2026-11-30, As of …, the end of a 期间) when there is
    one, else the latest plain 日期/Date, and only failing both a print or preparation date."""
    unit, titles, candidates = None, [], []
    for r in range(upto):
        text = " ".join(t for t in (_cell_text(v) for v in sheet.grid.iloc[r]) if t)
        if not text:
            continue
        titles.append(text)
        m = _UNIT_LINE.search(text)
        if m:
            unit = m.group(1)
        if _DATE_LINE.search(text):
            candidates += [(w, ts, r, text) for w, ts, _ in _dates_in(text)]
    if not candidates:
        return None, unit, None, titles
    weight, export, r, text = max(candidates, key=lambda c: (c[0], c[1]))
    return export, unit, f"row {r + sheet.first_row}: {text[:60]}", titles


def _headers(sheet: _Sheet, first: int, last: int) -> list[str]:
    grid = sheet.grid
    names = [_cell_text(v) for v in grid.iloc[last]]
    for r in range(last - 1, first - 1, -1):
        parent = [_cell_text(v) for v in grid.iloc[r]]
        counts = pd.Series([n for n in names if n]).value_counts()
        # a leaf repeated under different parents (原币 金额 / 本币 金额) keeps its parent in front
        names = [(ps + n if n and counts.get(n, 0) > 1 and ps and ps != n else n or p)
                 for n, p, ps in zip(names, parent, _spread(parent), strict=True)]
    return [n if n else f"(column {i + 1}, no header)" for i, n in enumerate(names)]


def _spread(parent: list[str]) -> list[str]:
    """A parent header cell merged across columns: its text over each of them (CSV writes it once)."""
    out, last = [], ""
    for p in parent:
        last = p or last
        out.append(last)
    return out


def _fill_merges(sheet: _Sheet, body: pd.DataFrame, start: int, used: dict[str, str], names: list[str]) -> list[Problem]:
    """Spread merged identity cells (customer …) down their rows; refuse merged amount or date cells."""
    problems = []
    col_of = {n: i for i, n in enumerate(names)}
    identity = {col_of[used[c]] for c in _IDENTITY if c in used}
    for r0, c0, r1, c1 in sheet.merges:
        if r1 < start or r0 == r1:
            continue
        for c in range(c0, c1 + 1):
            if c in identity:
                value = sheet.grid.iat[r0, c0]
                rows = [r for r in range(max(r0, start), r1 + 1)]
                body.iloc[[r - start for r in rows], c] = value
            elif c == c0 and any(used.get(k) == names[c] for k in _KEY_COLUMNS if k in used):
                a, b = r0 + sheet.first_row, r1 + sheet.first_row
                problems.append(Problem(sheet.where, Note(
                    f"cells of '{names[c]}' in rows {a}-{b} are merged; coursekit cannot tell which row the value "
                    "belongs to. Unmerge them and fill each row",
                    f"“{names[c]}”列第 {a}-{b} 行的单元格是合并的，coursekit 无法判断值属于哪一行。"
                    "请取消合并，在每一行填上值")))
    return problems


def read_table(sheet: _Sheet, table: str, header_row=None, columns: dict | None = None, decimal: str | None = None):
    """One table of a sheet: a DataFrame indexed by the file's row numbers, plus what was inferred."""
    from .columns import map_columns

    if sheet.grid.empty:
        raise _fail(sheet.where, Note(_EMPTY, "是空的，没有可读的内容"))
    first, last = _find_header(sheet, table, header_row)
    names = _headers(sheet, first, last)
    export, unit, date_where, titles = _title_info(sheet, first)
    body = sheet.grid.iloc[last + 1:].copy()
    body.columns = names
    body.index = np.arange(last + 1, len(sheet.grid)) + sheet.first_row
    cmap = map_columns(names, table, (columns or {}).get(table))
    notes: list[str] = []
    found = {}
    dated = _dates_from_parts(sheet, last, body, cmap, table)
    if dated is not None:
        canon, note = dated
        names.append(_PARTS)
        found[canon] = _PARTS
        notes.append(note)
    grouped = None
    if table == "invoices" and "customer" not in cmap.used:     # the customer found by the layout instead
        grouped = _customer_groups(body, cmap.used)
        if grouped is not None:
            col = grouped[1:].split(",")[0]
            notes.append(Note(f"customers read from the group headings in {col}, which has no header (each heading "
                              "names the customer of the rows below it)",
                              f"客户取自第 {col.split()[-1]} 列（没有表头）里的分组标题：每个标题是其下各行的客户"))
        else:
            labelled = _customer_label_rows(body)
            if labelled is not None:
                grouped = labelled[0]
                names.append(grouped)
                notes.append(labelled[1])
        if grouped is not None:
            cmap.used["customer"] = grouped
    titled = _customer_in_titles(sheet, first) if table == "invoices" and "customer" not in cmap.used else None
    rows_word = "line" if sheet.line_based else "row"
    head = f"{rows_word} {first + sheet.first_row}" if first == last else \
        f"{rows_word}s {first + sheet.first_row}-{last + sheet.first_row} combined (the lower name wins)"
    above = " | ".join(titles)[:120]
    head_zh = f"第 {first + sheet.first_row} 行" if first == last else \
        f"第 {first + sheet.first_row}-{last + sheet.first_row} 行（两行合并，以下一行的名称为准）"
    notes.append(Note(f"{sheet.where}: header found on {head}" + (f"; above it: {above}" if titles else ""),
                      f"{V.say(sheet.where, 'zh')}：表头在{head_zh}" + (f"；其上：{above}" if titles else "")))
    hidden = [r for r in sheet.hidden if r > last + sheet.first_row - 1]
    if hidden:
        rows = f"{', '.join(map(str, hidden[:8]))}{' …' if len(hidden) > 8 else ''}"
        notes.append(Note(f"{len(hidden):,} rows are hidden or filtered out in the sheet (rows {rows}): they were read "
                          "like the others; delete them from the file if they should not count",
                          f"工作表中有 {len(hidden):,} 行被隐藏或筛选掉（第 {rows} 行）：照常读入；不该计入的请从文件里删除"))
    problems = _fill_merges(sheet, body, last + 1, cmap.used, names)
    if problems:
        raise LedgerError(problems)
    if decimal is None:   # as the ledger will settle it, so that totals are checked with the same reading
        decimal = V.infer_decimal([body[cmap.used[c]] for c in ("amount", "received", "credited", "outstanding")
                                   if c in cmap.used])[0] or "."
    body, left_out = _drop_non_data(body, cmap.used, decimal, sheet.where)
    notes += left_out
    if titled is not None:        # a statement of one customer: its name is in the title, on no row
        body[_TITLED] = titled
        grouped = _TITLED
        notes.append(Note(f"every row is of {titled}, the customer named above the header",
                          f"每一行都属于表头上方写明的客户：{titled}"))
    # columns with no header and no data add nothing; data under no header is a shifted or ragged row
    stray = []
    for n in [n for n in body.columns if n.startswith("(column ") and n not in cmap.used.values()]:
        filled = ~V.blank(body[n])
        if filled.any():
            first_row = body.index[np.flatnonzero(filled)[0]]
            col = n[1:].split(",")[0]
            k, value = int(filled.sum()), body[n][filled].iloc[0]
            stray.append(Problem(sheet.where, Note(
                f"{k:,} rows have a value in {col} (first: {value!r}), which has no header: a row may have an extra "
                "cell (an unquoted comma in 1,234.50?), or the header row is not where coursekit found it "
                "(--header-row N)",
                f"有 {k:,} 行在第 {col.split()[-1]} 列有值（第一个：{value!r}），但这一列没有表头：可能某行多了一个"
                "单元格（1,234.50 里的逗号没加引号？），或者表头不在 coursekit 找到的那一行（用 --header-row N 指定）"),
                first_row))
        else:
            body = body.drop(columns=n)
    if stray:
        raise LedgerError(stray)
    if grouped is not None:
        found["customer"] = grouped
    info = {"export_date": export, "export_where": date_where, "unit": unit, "notes": notes, "columns": found}
    return body, info


_PARTS = "(date from 年/月/日)"
_PART_NAMES = {"年": ("年", "年份", "year"), "月": ("月", "月份", "month"), "日": ("日", "day")}
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*(?:年(?:度)?|[.\-/]\s*(\d{1,2})\b)")


def _dates_from_parts(sheet: _Sheet, last: int, body: pd.DataFrame, cmap, table: str):
    """A 明细账 prints the date as 月 and 日 columns, the year above them (2026年度 in the title, or
    2026年 over 月/日 in the header), sometimes in a 年 column. They are joined into one date column
    when the table has none: ``(canonical name, note)``, or None. A year the file does not state,
    or two years without the period that tells which months belong to which, is not guessed: the
    missing date column is then reported as usual."""
    canon = {"invoices": "invoice_date", "payments": "payment_date"}.get(table)
    if canon is None or canon in cmap.used:
        return None
    keys = {header_key(c): c for c in body.columns}
    cols = {part: next((keys[k] for k in names if k in keys), None) for part, names in _PART_NAMES.items()}
    if cols["月"] is None or cols["日"] is None:
        return None
    month = pd.to_numeric(body[cols["月"]].map(_cell_text), errors="coerce")
    day = pd.to_numeric(body[cols["日"]].map(_cell_text), errors="coerce")
    if cols["年"] is not None:
        year = pd.to_numeric(body[cols["年"]].map(_cell_text), errors="coerce")
        source = Note(f"the '{cols['年']}' column", f"“{cols['年']}”列")
    else:
        above = " ".join(_cell_text(v) for r in range(last + 1) for v in sheet.grid.iloc[r])
        fiscal = re.findall(r"((?:19|20)\d{2})\s*年度", above)     # 2026年度 wins over a printing date
        marks = [(int(y), None) for y in fiscal] or \
            [(int(y), int(m) if m else None) for y, m in _TITLE_YEAR.findall(above)]
        years = sorted({y for y, _m in marks})
        if len(years) == 1:
            year = pd.Series(float(years[0]), index=body.index)
        elif len(years) == 2 and years[1] == years[0] + 1 and any(y == years[0] and m for y, m in marks):
            start = next(m for y, m in marks if y == years[0] and m)      # 2025.10-2026.03: Oct-Dec are 2025
            year = pd.Series(np.where(month >= start, years[0], years[1]), index=body.index, dtype=float)
        else:
            return None
        source = Note(f"the year {'/'.join(map(str, years))} above the header",
                      f"表头上方写明的年份 {'/'.join(map(str, years))}")
    ok = month.between(1, 12) & day.between(1, 31) & year.notna()
    text = pd.Series("", index=body.index, dtype=object)
    text[ok] = [f"{int(y):04d}-{int(m):02d}-{int(d):02d}" for y, m, d in zip(year[ok], month[ok], day[ok], strict=True)]
    m_text, d_text = body[cols["月"]].map(_cell_text), body[cols["日"]].map(_cell_text)
    odd = ~ok & m_text.ne("") & d_text.ne("")        # a heading such as 客户：… in 月 is not a date
    text[odd] = (m_text + "月" + d_text + "日")[odd]      # refused by the ledger, as written
    cmap.unused[:] = [h for h in cmap.unused if h not in (cols["年"], cols["月"], cols["日"])]
    body[_PARTS] = text
    parts = "/".join(c for c in (cols["年"], cols["月"], cols["日"]) if c)
    return canon, Note(f"dates joined from the '{parts}' columns and {source}",
                       f"日期由“{parts}”列和{V.say(source, 'zh')}合成")


_BUCKET_WORDS = re.compile(r"current|未到期|未逾期|\d+\s*[-–~至]\s*\d+|over\s+\d+|\d+\s*\+|\bdays?\b|天|past\s*due|逾期|"
                           r"older|以上|以内", re.I)


_LABELLED = "(customer from the heading rows)"
_CUSTOMER_LABEL = re.compile(r"^\s*(客户|客户名称|往来单位|单位名称|购货单位|customer|client)\s*[:：]\s*(.+?)\s*$", re.I)


_TITLED = "(customer from the title)"
_NEXT_LABEL = re.compile(r"\s{2,}|\s+\S{1,8}[:：]|\s*[|｜]")


def _customer_in_titles(sheet: _Sheet, upto: int) -> str | None:
    """The customer a one-customer statement (对账单) names above its header, ``客户：杭州恒远…`` or
    ``Customer: Acme Ltd`` (the name in the same cell or the next one). None when no title names one,
    or when titles name more than one: then nothing is guessed."""
    found: set[str] = set()
    for r in range(upto):
        cells = [t for t in (_cell_text(v) for v in sheet.grid.iloc[r]) if t]
        for i, cell in enumerate(cells):
            m = _CUSTOMER_LABEL.match(cell) or (_CUSTOMER_LABEL.match(cell + " " + cells[i + 1])
                                                 if re.search(r"[:：]\s*$", cell) and i + 1 < len(cells) else None)
            if m:
                name = _NEXT_LABEL.split(m.group(2), maxsplit=1)[0].strip()
                if name:
                    found.add(name)
    return found.pop() if len(found) == 1 else None


def _customer_label_rows(body: pd.DataFrame) -> tuple[str, Note] | None:
    """Customers on heading rows of their own, each above its block, as a ledger statement (明细账) prints
    '客户：杭州恒远…' and Xero's detail reports print the contact's name in the first (Date) column. A customer
    column is added with each name on its heading row, the heading cell itself cleared, so the rows below
    take it like any group heading. Returns the column and the note that says how it was read."""
    text = body.map(_cell_text)
    filled = text.ne("")
    alone = (filled.sum(axis=1) == 1).to_numpy()
    if not alone.any() or not (filled.sum(axis=1) > 1).any():
        return None
    first = text.where(filled).bfill(axis=1).iloc[:, 0].fillna("")
    found = first[alone].str.extract(_CUSTOMER_LABEL)[1].dropna()
    note = Note("customers read from heading rows such as '客户：…' above their entries",
                "客户取自“客户：……”这样的标题行（其下各行属于该客户）")
    if found.empty:
        found = _plain_headings(text, filled, alone)
        if found is None:
            return None
        col = body.columns[0]
        note = Note(f"customers read from the names on rows of their own in '{col}', each above its invoices "
                    f"({len(found):,} headings)",
                    f"客户取自“{col}”列里单独成行的名称：每个名称是其下各行的客户（共 {len(found):,} 个）")
    body[_LABELLED] = ""
    for row, name in found.items():
        body.loc[row, [c for c in body.columns if c != _LABELLED]] = None
        body.loc[row, _LABELLED] = name
    return _LABELLED, note


_NOT_A_NAME = re.compile(r"[:：]|^\d[\d\s,./-]*$")


def _plain_headings(text: pd.DataFrame, filled: pd.DataFrame, alone: np.ndarray) -> pd.Series | None:
    """Names alone on their rows in the first column with invoice rows below them (Xero's 'Harbour Cafe'
    above its invoices in the Date column), or None. Totals, page notes, aging buckets, labelled lines
    (制表人：…), dates and numbers are not names; a data row before the first name leaves the layout
    unrecognised, since that row would have no customer."""
    cells = text.iloc[:, 0]
    heads = alone & filled.iloc[:, 0].to_numpy()
    if not heads.any():
        return None
    labels = cells[heads]
    other = labels.str.match(_TOTAL_STRICT) | labels.str.match(_TOTAL_LOOSE) | labels.str.match(_CARRIED) | \
        labels.str.match(_OPENING) | labels.str.contains(_BUCKET_WORDS) | labels.str.contains(_NOT_A_NAME) | \
        V.parse_dates(labels.astype(object))[0].notna() | V.parse_amounts(labels.astype(object))[0].notna()
    names = labels[~other.to_numpy()]
    data = (filled.sum(axis=1) > 1).to_numpy()
    if names.empty:
        return None
    start = text.index.get_loc(names.index[0])
    if data[:start].any() or not data[start:].any():
        return None
    return names


def _customer_groups(body: pd.DataFrame, used: dict[str, str]) -> str | None:
    """A column with no header that holds only group headings (a name on a row of its own, the invoice rows
    below it left blank), as QuickBooks prints an Open Invoices report, is the customer column. Headings that
    are aging buckets (Current, 1 - 30 days past due, 91天以上) are not customers: then there is none."""
    for name in [n for n in body.columns if n.startswith("(column ")]:
        cells = body[name].map(_cell_text)
        own = cells != ""
        others = body.drop(columns=[name]).map(_cell_text).ne("").any(axis=1)
        if not own.any() or not (others & ~own).any():
            continue
        labels = cells[own]
        total = labels.str.match(_TOTAL_STRICT) | labels.str.match(_TOTAL_LOOSE)
        headings = labels[~total & ~others[own]]
        if len(headings) == 0 or (~total & others[own]).any() or headings.str.contains(_BUCKET_WORDS).any():
            continue
        return name
    return None


class _Text:
    """Trimmed text ('' for blank) of a body's columns, computed only for the columns asked for.

    ``filled`` marks non-empty cells of the whole body from the raw values (no per-cell Python), which
    is all the row classification needs; a cell of only spaces counts as filled there, and such a row
    has no invoice data, so it is left out as a note row all the same.
    """

    def __init__(self, body: pd.DataFrame):
        self.body = body
        raw = body.to_numpy(dtype=object)
        self.filled = ~pd.isna(raw) & (raw != "")
        self._raw = raw
        self._cols: dict[str, pd.Series] = {}

    def __getitem__(self, col: str) -> pd.Series:
        if col not in self._cols:
            i = list(self.body.columns).index(col)
            self._cols[col] = self.body.iloc[:, i].astype("string").str.strip().fillna("")
        return self._cols[col]

    def first_cells(self) -> np.ndarray:
        """Each row's first non-empty cell, trimmed ('' for a blank row)."""
        first = self.filled.argmax(axis=1)
        values = pd.Series(self._raw[np.arange(len(self._raw)), first], dtype=object)
        values = values.where(self.filled.any(axis=1), "")
        return values.astype("string").str.strip().fillna("").to_numpy(dtype=object)

    def row_text(self, pos: int) -> str:
        return " ".join(str(v).strip() for v, f in zip(self._raw[pos], self.filled[pos], strict=True) if f)


def _row_labels_kind(values: np.ndarray) -> dict[str, np.ndarray]:
    """Classify first cells: opening balance, a strict total label, a loose one (checked further)."""
    u = pd.unique(pd.Series(values, dtype=object))
    short = pd.Series(u, dtype="string")
    ok = short.str.len().fillna(0).to_numpy() <= 80
    kinds = {}
    for name, rx in (("opening", _OPENING), ("strict", _TOTAL_STRICT), ("carried", _CARRIED), ("loose", _TOTAL_LOOSE)):
        hit = short.str.match(rx).fillna(False).to_numpy() & ok
        kinds[name] = pd.Series(values).isin(set(u[hit])).to_numpy() if hit.any() else np.zeros(len(values), bool)
    return kinds


_OPENING_ROW = Note("is an opening balance (期初余额 / balance forward), not an invoice: coursekit cannot tell when it "
                    "fell due, so it cannot age it. Export the open invoices behind it (未核销明细 / open items) "
                    "instead, or delete the row if those invoices are listed too",
                    "这一行是期初余额，不是发票：coursekit 不知道它何时到期，也就无法计算账龄。请改为导出构成它的"
                    "未结发票（未核销明细）；如果这些发票已经列在表里，就删掉这一行")


def _drop_non_data(body: pd.DataFrame, used: dict[str, str], decimal: str, sheet_where: str = ""):
    """Leave out blank rows, totals and note rows; check totals against the rows they sum."""
    notes: list[str] = []
    if body.empty:
        return body, notes
    text = _Text(body)
    first = text.first_cells()
    blank_rows = ~text.filled.any(axis=1)
    repeated = _repeated_headers(body, text) & ~blank_rows
    if repeated.any():     # a header printed again on every page is not an invoice
        rows = ", ".join(str(r) for r in body.index[repeated][:8]) + (" …" if repeated.sum() > 8 else "")
        notes.append(Note(f"{int(repeated.sum()):,} rows repeat the header (a new page of the export) and were left "
                          f"out (rows {rows})", f"剔除 {int(repeated.sum()):,} 行重复的表头（导出分页时重印的表头，第 {rows} 行）"))
        blank_rows = blank_rows | repeated
    key_filled = _has_invoice_data(body, text, used, decimal)
    kinds = _row_labels_kind(first)
    if kinds["opening"].any():
        rows = body.index[kinds["opening"]][:20]
        raise LedgerError([Problem(sheet_where, _OPENING_ROW, row) for row in rows])
    # a loose label ("Total ABC Ltd", "杭州恒远 小计") counts only on a row with no invoice number or date of its own
    ident = [used[c] for c in ("invoice_id", "invoice_date", "payment_date") if c in used]
    loose = kinds["loose"]
    for c in ident:
        loose = loose & ((text[c].to_numpy(dtype=object) == "") | (text[c].to_numpy(dtype=object) == first))
    total_rows = (kinds["strict"] | kinds["carried"] | loose) & ~blank_rows
    labels = dict(zip(np.flatnonzero(total_rows), first[total_rows], strict=True))
    note_rows = ~blank_rows & ~total_rows & ~key_filled
    customer_col = used.get("customer")
    if customer_col is not None and note_rows.any():
        _group_headings(body, text, note_rows, customer_col, notes, total_rows)
    if customer_col is not None:
        _suppressed_repeats(body, customer_col, ~(blank_rows | total_rows | note_rows), notes)
    if total_rows.any():
        notes += _check_totals(body, total_rows, labels, used, decimal, note_rows | blank_rows)
    empty_rows = blank_rows & ~repeated
    if empty_rows.any():
        notes.append(Note(f"{int(empty_rows.sum()):,} blank rows left out", f"剔除 {int(empty_rows.sum()):,} 个空行"))
    if note_rows.any():
        examples = [text.row_text(p)[:40] for p in np.flatnonzero(note_rows)[:3]]
        rows = f"{', '.join(str(body.index[p]) for p in np.flatnonzero(note_rows)[:5])}{' …' if note_rows.sum() > 5 else ''}"
        n = int(note_rows.sum())
        notes.append(Note(f"{n:,} rows with no invoice data left out (rows {rows}: {' / '.join(examples)})",
                          f"剔除 {n:,} 行没有单据数据的行（第 {rows} 行：{' / '.join(examples)}）"))
    keep = ~(blank_rows | total_rows | note_rows)
    return body[keep], notes


def _repeated_headers(body: pd.DataFrame, text) -> np.ndarray:
    """Rows whose every filled cell (two at least) is its own column's header, as a multi-page export prints."""
    hits = np.zeros(len(body), dtype=int)
    for c in body.columns:
        if str(c).startswith("("):
            continue
        cells = text[c].to_numpy(dtype=object)
        hits += (cells == str(c).strip())
    filled = text.filled.sum(axis=1)
    return (hits >= 2) & (hits == filled)


def _has_invoice_data(body, text, used, decimal) -> np.ndarray:
    """A row carries invoice data when it has an id, a date, or a readable amount; footers such as
    制表人/审核 lines and section headings have none of these."""
    ids = [used[c] for c in ("invoice_id",) if c in used]
    dates = [used[c] for c in ("invoice_date", "due_date", "settled_date", "payment_date") if c in used]
    money = [used[c] for c in ("amount", "received", "outstanding") if c in used]
    if not (ids or dates or money):
        return text.filled.any(axis=1)
    has = np.zeros(len(body), dtype=bool)
    for c in ids:
        has |= (text[c] != "").to_numpy()
    alone = text.filled.sum(axis=1) == 1
    for c in dates:      # words alone in a date column ('Printed by: admin' under Xero's Date) are a note
        cell = (text[c] != "").to_numpy()
        odd = cell & alone
        if odd.any():
            odd[odd] = V.parse_dates(body[c][odd].astype(object))[0].isna().to_numpy() & \
                text[c][odd].str.contains(r"[^\W\d_]", regex=True).to_numpy()
        has |= cell & ~odd
    need = ~has      # only rows with no number and no date need their amounts read to decide
    if need.any():
        for c in money:
            has[need] |= V.parse_amounts(body[c][need], decimal)[0].notna().to_numpy()
    return has


def _group_headings(body, text, note_rows, customer_col, notes, total_rows) -> None:
    """A row holding only a name in the customer column heads the rows below it that leave it blank
    (total rows are left out anyway: they are not counted)."""
    only = note_rows & (text.filled.sum(axis=1) == 1) & (text[customer_col] != "").to_numpy()
    if not only.any():
        return
    heading = pd.Series(np.where(only, text[customer_col], None), index=body.index, dtype=object).ffill()
    blank_cust = (text[customer_col] == "").to_numpy() & ~note_rows & ~total_rows & heading.notna().to_numpy()
    if blank_cust.any():
        body.loc[blank_cust, customer_col] = heading[blank_cust]
        n, h = int(blank_cust.sum()), int(only.sum())
        notes.append(Note(f"{n:,} rows take their customer from the group heading above them ({h:,} headings)",
                          f"{n:,} 行的客户取自其上方的分组标题（共 {h:,} 个标题）"))


def _suppressed_repeats(body, customer_col, data_rows, notes) -> None:
    """A report that prints each customer once, on the first row of its block, and leaves the rows below
    blank: the blanks are filled from above, but only when that is the layout (a fifth of the rows or more
    are blank, and each name heads one block); a lone blank customer is left for the ledger to refuse."""
    cells = body[customer_col].map(_cell_text).to_numpy(dtype=object)
    blank = (cells == "") & data_rows
    named = (cells != "") & data_rows
    if blank.sum() < 2 or blank.sum() < 0.2 * data_rows.sum() or not named.any():
        return
    first_named = np.flatnonzero(named)[0]
    if blank[:first_named].any():
        return
    names = cells[named]
    if len(set(names)) != len(names):          # a name heading two blocks: not a once-per-customer report
        return
    filled = pd.Series(np.where(named, cells, None), index=body.index, dtype=object).ffill()
    body.loc[blank, customer_col] = filled[blank]
    notes.append(Note(f"{int(blank.sum()):,} rows leave the customer blank under the row that names it (the "
                      "report prints each customer once): they take the name above",
                      f"{int(blank.sum()):,} 行的客户为空，位于写明客户的那一行下方（报表每个客户只印一次）：取上方的名称"))


def _check_totals(body, total_rows, labels, used, decimal, skip) -> list[str]:
    """Each total row against the rows it sums: those since the previous total (a subtotal) or all above it."""
    money = [c for c in ("amount", "outstanding", "received") if c in used]
    if not money:
        return [Note(f"{int(total_rows.sum()):,} total rows left out", f"剔除 {int(total_rows.sum()):,} 个合计行")]
    col = used[money[0]]
    values = V.parse_amounts(body[col], decimal)[0].fillna(0).to_numpy()
    data = ~(total_rows | skip)
    csum = np.concatenate([[0.0], np.cumsum(np.where(data, values, 0.0))])
    ccount = np.concatenate([[0], np.cumsum(data)])
    checked, prev = [], 0
    for pos in np.flatnonzero(total_rows):
        since, n_since = csum[pos] - csum[prev], ccount[pos] - ccount[prev]
        grand, n_all = csum[pos], ccount[pos]
        v, row, label = values[pos], body.index[pos], labels[pos]
        if n_since and abs(v - since) < 0.005:
            checked.append(Note(f"row {row} '{label}' = the {n_since:,} rows above it ✓",
                                f"第 {row} 行“{label}” = 其上 {n_since:,} 行之和 ✓"))
        elif abs(v - grand) < 0.005:
            checked.append(Note(f"row {row} '{label}' = all {n_all:,} rows above it ✓",
                                f"第 {row} 行“{label}” = 其上全部 {n_all:,} 行之和 ✓"))
        else:
            checked.append(Note(f"WARNING: row {row} '{label}' says {v:,.2f} in '{col}', but the rows above it add up "
                                f"to {since:,.2f} (since the last total) and {grand:,.2f} (all); a row may be missing, "
                                "hidden or filtered out of the export",
                                f"警告：第 {row} 行“{label}”的“{col}”是 {v:,.2f}，但其上各行合计为 {since:,.2f}（自上一个合计起）"
                                f"和 {grand:,.2f}（全部）：导出时可能漏了、隐藏了或筛掉了某些行"))
        prev = pos + 1
    ok = [c for c in checked if not c.startswith("WARNING")]
    more = " …" if len(ok) > 6 else ""
    notes = [Note(f"{int(total_rows.sum()):,} total/subtotal rows left out, not counted as customers"
                  + (": " + "; ".join(ok[:6]) + more if ok else ""),
                  f"剔除 {int(total_rows.sum()):,} 个合计/小计行，不作为客户"
                  + ("：" + "；".join(c.zh for c in ok[:6]) + more if ok else ""))]
    return notes + [c for c in checked if c.startswith("WARNING")]   # each warning on a line of its own


# -- the public entry --------------------------------------------------------------------------
def _folder_tables(path: Path) -> tuple[dict[str, _Sheet], list[Note]]:
    """The CSV files of a folder: invoices.csv, payments.csv, customers.csv, or files named 发票/收款/客户 …,
    or recognised by their columns (see :func:`_assign_tables`). A file that is none of these is listed as
    not read, and one that cannot be read at all does not stop the others."""
    files = sorted(f for f in path.iterdir() if f.suffix.lower() in (".csv", ".txt", ".tsv") and f.is_file())
    sheets, unreadable = [], []
    for f in files:
        canonical = f.stem.lower() in CANONICAL
        try:
            sheet = _read_csv(f, str(f))
        except LedgerError:
            if canonical or _name_table(f.stem):
                raise
            unreadable.append(f.name)
            continue
        sheet.name = f.stem
        sheets.append(sheet)
    found, notes = _assign_tables(sheets)
    if "invoices" not in found:
        raise _fail(str(path), Note("the folder has no invoices.csv", "文件夹里没有 invoices.csv"))
    if unreadable:
        notes.append(Note(f"not read (not CSV text): {', '.join(unreadable)}",
                          f"未读取（不是 CSV 文本）：{'、'.join(unreadable)}"))
    return found, notes


def _sheet_tables(path: Path, sheet_name: str | None) -> tuple[dict[str, _Sheet], list[Note]]:
    sheets = _read_xlsx(path)
    by_key = {header_key(s.name): s for s in sheets}
    chosen = None
    if sheet_name is not None:
        chosen = by_key.get(header_key(sheet_name))
        if chosen is None:
            raise _fail(path.name, Note(f"has no sheet '{sheet_name}' (sheets: {', '.join(s.name for s in sheets)})",
                                        f"没有名为“{sheet_name}”的工作表（文件里的工作表："
                                        f"{'、'.join(s.name for s in sheets)}）"))
    # --sheet names the invoices; the receipts and customers are still looked for on the other sheets
    found, notes = _assign_tables(sheets, invoices=chosen)
    if "invoices" not in found:
        raise _fail(path.name, Note(f"has no sheet named 'invoices' (sheets: {', '.join(s.name for s in sheets)}); "
                                    "name the sheet to read with --sheet NAME",
                                    f"没有名为“invoices”的工作表（文件里的工作表：{'、'.join(s.name for s in sheets)}）："
                                    "请用 --sheet 加工作表名，指定要读哪一张"))
    return found, notes


# words in a sheet or file name, checked in this order: 客户收款 is receipts, 客户应收明细 invoices
_NAME_WORDS = {"payments": ("payment", "receipt", "收款", "回款", "到账", "付款"),
               "invoices": ("invoice", "receivable", "发票", "应收", "开票", "销售", "openitem"),
               "customers": ("customer", "客户")}


def _assign_tables(sheets: list[_Sheet], invoices: _Sheet | None = None) -> tuple[dict[str, _Sheet], list[Note]]:
    """Which sheet (or CSV file of a folder) holds the invoices, the payments and the customers.

    By exact name first (invoices, 收款 …), then by a word in the name (收款记录, 客户信息), then by content: the
    one sheet whose header names invoice columns (3 or more), and for payments the one sheet whose header names
    a receipt date and an amount but no invoice or due date. Two candidates for the payments are refused rather
    than one picked: receipts left unread would show every invoice as unpaid. Sheets left over are listed."""
    useful = [s for s in sheets if not s.grid.empty and s.grid.notna().to_numpy().any()]
    found: dict[str, _Sheet] = {} if invoices is None else {"invoices": invoices}
    by_key = {header_key(s.name): s for s in useful if s is not invoices}
    for table, options in _SHEETS.items():
        hit = next((by_key[header_key(o)] for o in options if header_key(o) in by_key), None)
        if hit is not None and table not in found:
            found[table] = hit
    for table in _NAME_WORDS if len(useful) > 1 else ():   # a workbook of one sheet: that sheet is the invoices
        if table in found:
            continue
        free = [s for s in useful if s not in found.values()]
        named = [s for s in free if _name_table(s.name) == table and (table != "payments" or _looks_like_receipts(s))]
        if len(named) == 1:
            found[table] = named[0]
    if "invoices" not in found:
        free = [s for s in useful if s not in found.values()]
        if len(free) > 1:     # a table of receipts is not an invoice list, however many columns it shares with one
            free = [s for s in free if not _looks_like_receipts(s)] or free
        scored = sorted(((_header_score(s), i, s) for i, s in enumerate(free)), key=lambda t: (-t[0], t[1]))
        if len(free) == 1 and not found:
            found["invoices"] = free[0]
        elif scored and scored[0][0] >= 3 and (len(scored) == 1 or scored[1][0] < 3):
            # one sheet looks like an invoice list (3+ known headers), the others do not (a 说明 sheet, a chart)
            found["invoices"] = scored[0][2]
    notes: list[Note] = []
    if "invoices" in found and "payments" not in found:
        receipts = [s for s in useful if s not in found.values() and _looks_like_receipts(s)]
        if len(receipts) > 1:
            names = ", ".join(f"'{s.name}'" for s in receipts)
            raise _fail(receipts[0].where.split(",")[0] if isinstance(receipts[0].where, str) else receipts[0].where,
                        Note(f"has several tables of receipts ({names}) and none is named payments: name the one "
                             "to read 'payments' (收款), or keep one",
                             f"有多张收款表（{names.replace(', ', '、')}），但没有一张叫 payments：请把要读的那张命名为"
                             "“收款”（payments），或只保留一张"))
        if receipts:
            found["payments"] = receipts[0]
            notes.append(Note(f"{receipts[0].where} read as the payments: its columns are a receipt date and an amount",
                              f"{V.say(receipts[0].where, 'zh')}作为收款表读取：它的列是收款日期和金额"))
    left = [s for s in useful if s not in found.values()]
    unread = [s for s in left if _looks_like_money(s)] if "invoices" in found else []
    if unread:
        # receipts (or invoices) left unread would change what is owed: stop instead of listing them
        names = ", ".join(f"'{Path(str(s.where)).name if s.line_based else s.name}'" for s in unread)
        raise _fail(found["invoices"].where, Note(
            f"other tables with dates and amounts are not read ({names}): if they are receipts, name the one to read "
            "payments (收款); if they are not needed, delete them, so that nothing owed or paid is left out",
            f"另有带日期和金额的表没有读取（{names.replace(', ', '、')}）：如果是收款，请把要读的那张命名为“收款”"
            "（payments）；如果不需要，请删掉它们，以免漏掉欠款或收款"))
    if left and "invoices" in found:
        names = ", ".join(Path(str(s.where)).name if s.line_based else str(s.name) for s in left)
        notes.append(Note(f"not read: {names} (name it invoices, payments or customers to read it)",
                          f"未读取：{names.replace(', ', '、')}（命名为发票、收款或客户即可读取）"))
    return found, notes


def _name_table(name) -> str | None:
    key = header_key(name or "")
    for table, words in _NAME_WORDS.items():
        # 应收款 (receivable) holds 收款 (receipts): the receipt words are looked for without it
        text = key.replace("应收", "") if table == "payments" else key
        if any(header_key(w) in text for w in words):
            return table
    return None


def _header_meanings(sheet: _Sheet) -> tuple[set[str], set[str], int]:
    """What a sheet's header row names as payment columns and as invoice columns, and the header's last row."""
    first, last = _find_header(sheet, "payments", None)
    cells = [x for x in _headers(sheet, first, last) if x]
    pay = {hit[0] for hit in (lookup(x, "payments") for x in cells) if hit}
    inv = {hit[0] for hit in (lookup(x, "invoices") for x in cells) if hit}
    return pay, inv, last


def _looks_like_money(sheet: _Sheet) -> bool:
    """A table with a date and an amount column among its headers (receipts or invoices, not notes or a chart)."""
    pay, _, last = _header_meanings(sheet)
    return {"payment_date", "amount"} <= pay and len(sheet.grid) > last + 1


def _looks_like_receipts(sheet: _Sheet) -> bool:
    pay, inv, _ = _header_meanings(sheet)
    return {"payment_date", "amount"} <= pay and not {"invoice_date", "due_date"} & inv


def _header_score(sheet: _Sheet) -> int:
    first, last = _find_header(sheet, "invoices", None)
    return _score(_headers(sheet, first, last), "invoices")


def load_ledger(path: str | Path, currency: str | None = None, *, columns: dict | None = None, header_row=None,
                date_format: str | None = None, decimal: str | None = None, unit: str | None = None, export_date=None,
                sheet: str | None = None, terms: int | None = None) -> Ledger:
    """Read a ledger from ``path`` and validate it.

    ``path`` may be an Excel workbook (sheets ``invoices`` and ``payments``, optional
    ``customers``; Chinese sheet names such as 应收/收款/客户 work too, and a workbook
    with one sheet is read as invoices, as is the sheet named by ``sheet``), a
    folder holding ``invoices.csv`` and optionally ``payments.csv`` and
    ``customers.csv``, or one CSV of invoices, which may be an open-item export.

    ``columns`` maps canonical names to the file's headers (``{"customer": "往来户"}``),
    ``header_row`` names the header row (``4``, or ``"3:4"`` for two rows),
    ``date_format``, ``decimal`` and ``unit`` say how values are written, and
    ``export_date`` is the day the file was exported (needed when it gives received
    amounts without receipt dates; read from a 日期 line above the header when there is one).
    ``terms`` gives every invoice's payment terms in days when the file has neither due dates nor a
    terms column (a ledger statement, 明细账).

    Raises
    ------
    LedgerError
        If the file cannot be found or read, or its contents do not validate.
    """
    path = Path(path)
    if not path.exists():
        raise _fail(str(path), Note("no such file or folder", "找不到这个文件或文件夹"))
    if unit is not None and unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    explicit = dict(columns or {})
    if explicit and not any(k in CANONICAL for k in explicit):
        explicit = {"invoices": explicit}
    table_notes: list[Note] = []
    if path.is_dir():
        sheets, table_notes = _folder_tables(path)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        sheets, table_notes = _sheet_tables(path, sheet)
    elif path.suffix.lower() == ".xls":
        raise _fail(path.name, Note("is an old .xls workbook: open it in Excel or WPS and save it as .xlsx (or CSV)",
                                    "是旧版 .xls 工作簿：请用 Excel 或 WPS 打开后另存为 .xlsx（或 CSV）"))
    elif path.suffix.lower() in (".csv", ".txt", ".tsv"):
        sheets = {"invoices": _read_csv(path)}
    else:
        raise _fail(path.name, Note("is not a .xlsx workbook, a .csv file or a folder of CSV files",
                                    "不是 .xlsx 工作簿、.csv 文件，也不是存放 CSV 文件的文件夹"))
    tables, where, notes, info_all = {}, {}, list(table_notes), {}
    for table, sh in sheets.items():
        df, info = read_table(sh, table, header_row if table == "invoices" else None, explicit, decimal)
        tables[table], where[table] = df, sh.where
        notes += info["notes"]
        info_all[table] = info
        for canon, header in info["columns"].items():      # a column found by its layout, not its header
            explicit.setdefault(table, {}).setdefault(canon, header)
    first = info_all["invoices"]
    if export_date is None and first["export_date"] is not None:
        export_date = first["export_date"]
        where_ = first["export_where"]
        notes.append(Note(f"export date {export_date:%Y-%m-%d} read from {where_}",
                          f"导出日 {export_date:%Y-%m-%d}，取自{where_.replace('row ', '第 ', 1).replace(': ', ' 行：', 1)}"))
    if unit is None and first["unit"] is not None:
        unit = first["unit"]
        if UNITS[unit] != 1:
            notes.append(Note(f"amounts in {unit} (from the 单位 line above the header): multiplied by {UNITS[unit]:,}",
                              f"金额单位是{unit}（见表头上方的“单位”行）：已乘以 {UNITS[unit]:,}"))
    try:
        ledger = Ledger(tables["invoices"], tables.get("payments"), tables.get("customers"), currency=currency,
                        source=where, file_rows=False, columns=explicit, date_format=date_format, decimal=decimal,
                        unit=unit, export_date=export_date, terms=terms)
    except LedgerError:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            _check_formulas(path, sheets)   # empty cells that are really uncalculated formulas get that message
        raise
    ledger.notes[:0] = notes
    return ledger
