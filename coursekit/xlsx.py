"""A streaming XLSX writer for large tables: plain SpreadsheetML, no formulas, no styles but dates.

openpyxl builds and serialises one object per cell (about 10 µs each here, without
lxml), which makes a 200,000-customer report take minutes. A report sheet needs only
numbers, text, booleans and dates, so :func:`write_tables` writes the sheet XML
directly, a column at a time: text as inline strings (never a formula, so ``=1+1``
stays text), characters XML cannot hold removed, floats to the cent, dates as Excel
serial days formatted ``yyyy-mm-dd``, the header row frozen and column widths set
from the first 200 rows. The file is written to a temporary name and renamed when
complete (:func:`coursekit.export.safe_output`).
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import numpy as np
import pandas as pd

__all__ = ["write_tables"]

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = 25569  # Excel serial day of 1970-01-01
_STYLES = (f'<styleSheet xmlns="{_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
           '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _letter(i: int) -> str:
    """Column letters of the 0-based column ``i``: 0 → A, 26 → AA."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _text(v) -> str:
    return escape(_BAD_XML.sub("", str(v)))


def _cells(s: pd.Series, col: str) -> tuple[list[str], int]:
    """The ``<c>`` elements of one column (rows 2, 3, …) and the widest of its first 200 values."""
    rows = range(2, len(s) + 2)
    if pd.api.types.is_bool_dtype(s):
        values = s.astype(object).tolist()
        cells = [f'<c r="{col}{r}"/>' if v is None or v is pd.NA else f'<c r="{col}{r}" t="b"><v>{int(v)}</v></c>'
                 for r, v in zip(rows, values, strict=True)]
        return cells, 5
    if pd.api.types.is_numeric_dtype(s):
        values = s.round(2).astype(object).tolist() if pd.api.types.is_float_dtype(s) else s.astype(object).tolist()
        cells = [f'<c r="{col}{r}"/>' if v is None or v is pd.NA or v != v else f'<c r="{col}{r}"><v>{v!r}</v></c>'
                 for r, v in zip(rows, values, strict=True)]
        return cells, max([len(str(v)) for v in values[:200]] + [0])
    dates = _as_dates(s)
    if dates is not None:
        serial = (dates.to_numpy().astype("datetime64[D]").astype(np.int64) + _EPOCH).tolist()
        missing = dates.isna().to_numpy().tolist()
        cells = [f'<c r="{col}{r}"/>' if m else f'<c r="{col}{r}" s="1"><v>{d}</v></c>'
                 for r, d, m in zip(rows, serial, missing, strict=True)]
        return cells, 10
    values = s.astype(object).tolist()
    texts = [None if v is None or (not isinstance(v, (list, tuple)) and pd.isna(v)) else _text(v) for v in values]
    cells = [f'<c r="{col}{r}"/>' if t is None else f'<c r="{col}{r}" t="inlineStr"><is><t xml:space="preserve">{t}</t></is></c>'
             for r, t in zip(rows, texts, strict=True)]
    return cells, max([len(str(v)) for v in values[:200]] + [0])


def _as_dates(s: pd.Series) -> pd.Series | None:
    """``s`` as datetimes when it holds dates (datetime64, or Python dates/Timestamps), else None."""
    if pd.api.types.is_datetime64_any_dtype(s):
        return s
    if s.dtype != object:
        return None
    sample = s.dropna().head(50)
    if len(sample) and all(hasattr(v, "isoformat") and hasattr(v, "year") for v in sample):
        return pd.to_datetime(s)
    return None


def _sheet_xml(df: pd.DataFrame) -> str:
    letters = [_letter(i) for i in range(len(df.columns))]
    columns, widths = [], []
    for letter, name in zip(letters, df.columns, strict=True):
        cells, width = _cells(df[name], letter)
        columns.append(cells)
        widths.append(max(width, len(str(name)) * 2))
    cols = "".join(f'<col min="{i}" max="{i}" width="{min(max(10, w * 1.2), 60):.1f}" customWidth="1"/>'
                   for i, w in enumerate(widths, start=1))
    head = "".join(f'<c r="{c}1" t="inlineStr"><is><t xml:space="preserve">{_text(n)}</t></is></c>'
                   for c, n in zip(letters, df.columns, strict=True))
    body = "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in enumerate(zip(*columns, strict=True), start=2))
    pane = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_NS}">'
            f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
            f'{"<cols>" + cols + "</cols>" if cols else ""}<sheetData><row r="1">{head}</row>{body}</sheetData></worksheet>')


def write_tables(path: str | Path, sheets: dict[str, pd.DataFrame]) -> Path:
    """Write each DataFrame (its columns, not its index) to a sheet of a new workbook at ``path``."""
    from .export import safe_output

    path = Path(path)
    names = list(sheets)
    n = len(names)
    types = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
                    for i in range(1, n + 1))
    content_types = (f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     f'<Default Extension="xml" ContentType="application/xml"/>'
                     f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
                     f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>{types}</Types>')
    rels = (f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>')
    book = "".join(f'<sheet name={quoteattr(_BAD_XML.sub("", name)[:31])} sheetId="{i}" r:id="rId{i}"/>'
                   for i, name in enumerate(names, start=1))
    workbook = f'<workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets>{book}</sheets></workbook>'
    book_rels = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                        for i in range(1, n + 1))
    book_rels = (f'<Relationships xmlns="{_PKG}">{book_rels}'
                 f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')
    with safe_output(path, ".xlsx") as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            z.writestr("[Content_Types].xml", content_types)
            z.writestr("_rels/.rels", rels)
            z.writestr("xl/workbook.xml", workbook)
            z.writestr("xl/_rels/workbook.xml.rels", book_rels)
            z.writestr("xl/styles.xml", _STYLES)
            for i, name in enumerate(names, start=1):
                z.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(sheets[name]))
    return path
