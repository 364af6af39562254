"""Hostile and careless input: every case exits 2 with a message naming the file (and row/column where
there is one), prints no table and no traceback, and changes no file.

The cases are generated from one table of malformed files and one of mistaken options; the rules they
exercise are general (finite amounts, ambiguous formats, duplicate headers, ragged rows, unsafe outputs),
so inputs not listed here are handled the same way.
"""
import hashlib
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from coursekit.cli import main

H = "customer,invoice_id,invoice_date,due_date,amount"
OK = "A,1,2026-01-01,2026-02-01,100"


def csv(*rows, header=H):
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def xlsx(build) -> bytes:
    wb = openpyxl.Workbook()
    build(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _merged_amounts(wb):
    ws = wb.active
    ws.title = "invoices"
    ws.append(H.split(","))
    ws.append(["A", "1", "2026-01-01", "2026-02-01", 100])
    ws.append(["A", "2", "2026-01-02", "2026-02-02", None])
    ws.merge_cells("E2:E3")


def _formulas(wb):
    ws = wb.active
    ws.title = "invoices"
    ws.append(H.split(","))
    ws.append(["A", "1", "2026-01-01", "2026-02-01", "=10*10"])


def _two_sheets(wb):
    wb.active.title = "Sheet A"
    wb.active.append(H.split(","))
    wb.active.append(OK.split(","))
    ws = wb.create_sheet("Sheet B")
    ws.append(H.split(","))


# (case id, {file name: bytes}, file given to the command, expected words in the message)
FILES = [
    ("amount-inf", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,inf")}, "ar.csv", "row 2, column 'amount'"),
    ("amount-minus-inf", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,-inf")}, "ar.csv", "not a finite amount"),
    ("amount-1e308", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,1e308")}, "ar.csv", "too large"),
    ("amount-huge", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,95000000000000000")}, "ar.csv", "too large"),
    ("amount-nan-text", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,nan")}, "ar.csv", "not a number"),
    ("amount-decimal-comma", {"ar.csv": csv('A,1,2026-01-01,2026-02-01,"12,34"')}, "ar.csv", "--decimal ,"),
    ("amount-european", {"ar.csv": csv('A,1,2026-01-01,2026-02-01,"1.234,50"', 'B,2,2026-01-01,2026-02-01,"1,234.50"')},
     "ar.csv", "decimal comma"),
    ("amount-text", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,12O.5")}, "ar.csv", "cannot read '12O.5'"),
    ("amount-dot-thousands", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,1.234", "B,2,2026-01-01,2026-02-01,12.500")},
     "ar.csv", "thousands separator written as a dot"),
    ("amount-blank", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,")}, "ar.csv", "is empty"),
    ("amount-excel-error", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,#N/A")}, "ar.csv", "not an amount"),
    ("amount-yes", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,TRUE")}, "ar.csv", "cannot read 'TRUE'"),
    ("negative-with-payments", {"d/invoices.csv": csv("A,1,2026-01-01,2026-02-01,-100"),
                                "d/payments.csv": b"invoice_id,payment_date,amount\n"}, "d", "is negative"),
    ("duplicate-header", {"ar.csv": csv("A,B,1,2026-01-01,2026-02-01,5", header="customer," + H)}, "ar.csv",
     "appears 2 times"),
    ("two-headers-one-meaning", {"ar.csv": csv("A,B,1,2026-01-01,2026-02-01,5",
                                               header="客户,customer,invoice_id,invoice_date,due_date,amount")},
     "ar.csv", "all mean 'customer'"),
    ("empty-file", {"ar.csv": b""}, "ar.csv", "is empty"),
    ("blank-lines-only", {"ar.csv": b"\n\n  \n"}, "ar.csv", "is empty"),
    ("header-only", {"ar.csv": csv()}, "ar.csv", "no invoice rows"),
    ("ragged-row", {"ar.csv": csv(OK, "B,2,2026-01-01,2026-02-01,5,7")}, "ar.csv", "has no header"),
    ("ragged-late-row", {"ar.csv": csv(*([OK.replace(",1,", f",{i},") for i in range(1, 60)]
                                        + ["B,99,2026-01-01,2026-02-01,1,234.50"]))}, "ar.csv", "line 61"),
    ("stray-quote", {"ar.csv": csv('A,"1,2026-01-01,2026-02-01,5')}, "ar.csv", "quote"),
    ("binary-garbage", {"ar.csv": bytes(range(256)) * 8}, "ar.csv", "ar.csv"),
    ("xlsx-named-csv", {"ar.csv": b"PK\x03\x04" + b"\x00" * 40}, "ar.csv", "rename it to .xlsx"),
    ("utf16-bad-amount", {"ar.csv": (H + "\nA,1,2026-01-01,2026-02-01,x\n").encode("utf-16")}, "ar.csv",
     "cannot read 'x'"),
    ("gbk-bad-date", {"ar.csv": "客户,发票号,开票日期,到期日,金额\n甲公司,1,2026-01-01,2026-02-30,5\n".encode("gbk")},
     "ar.csv", "column '到期日'"),
    ("date-1600", {"ar.csv": csv("A,1,1600-01-01,2026-02-01,5")}, "ar.csv", "not a plausible date"),
    ("date-2200", {"ar.csv": csv("A,1,2026-01-01,2200-02-01,5")}, "ar.csv", "not a plausible date"),
    ("date-word", {"ar.csv": csv("A,1,someday,2026-02-01,5")}, "ar.csv", "cannot read 'someday'"),
    ("date-ambiguous", {"ar.csv": csv("A,1,3/4/2026,4/5/2026,5")}, "ar.csv", "--date-format"),
    ("date-both-orders", {"ar.csv": csv("A,1,13/1/2026,1/20/2026,5")}, "ar.csv", "day-first"),
    ("due-before-invoice", {"ar.csv": csv("A,1,2026-03-01,2026-02-01,5")}, "ar.csv", "before the invoice date"),
    ("duplicate-invoice", {"ar.csv": csv(OK, OK)}, "ar.csv", "appears more than once"),
    ("empty-customer", {"ar.csv": csv(",1,2026-01-01,2026-02-01,5")}, "ar.csv", "column 'customer': is empty"),
    ("missing-amount", {"ar.csv": csv("A,1,2026-01-01,2026-02-01", header="customer,invoice_id,invoice_date,due_date")},
     "ar.csv", "--columns 'amount=YOUR HEADER'"),
    ("unknown-headers", {"ar.csv": csv("a,b,c", header="foo,bar,baz")}, "ar.csv", "required column is missing"),
    ("mixed-currency", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,5,CNY", "B,2,2026-01-01,2026-02-01,5,USD",
                                      header=H + ",currency")}, "ar.csv", "mixes currencies"),
    ("open-above-amount", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,5,9", header=H + ",outstanding")},
     "ar.csv", "more than the invoice amount"),
    ("received-negative", {"ar.csv": csv("A,1,2026-01-01,2026-02-01,5,-1", header=H + ",received")},
     "ar.csv", "is negative"),
    ("settled-before-invoice", {"ar.csv": csv("A,1,2026-01-10,2026-02-01,5,2026-01-01", header=H + ",settled_date")},
     "ar.csv", "before the invoice date"),
    ("settled-but-nothing-received", {"ar.csv": csv("A,1,2026-01-10,2026-02-01,5,5,2026-01-20",
                                                    header=H + ",outstanding,settled_date")}, "ar.csv",
     "nothing was received"),
    ("received-undated", {"ar.csv": csv("A,1,2026-01-10,2026-02-01,5,2", header=H + ",已收金额")}, "ar.csv",
     "--export-date"),
    ("columns-disagree", {"ar.csv": csv("A,1,2026-01-10,2026-02-01,10,2,5", "A,2,2026-01-10,2026-02-01,10,2,8",
                                        header=H + ",received,outstanding")}, "ar.csv", "less the"),
    ("disputed-maybe", {"ar.csv": csv("A,1,2026-01-10,2026-02-01,5,maybe", header=H + ",disputed")}, "ar.csv",
     "not yes/no"),
    ("terms-unreadable", {"ar.csv": csv("A,1,2026-01-10,5,soon", header="customer,invoice_id,invoice_date,amount,terms")},
     "ar.csv", "number of days"),
    ("payment-unknown-invoice", {"d/invoices.csv": csv(OK), "d/payments.csv": b"invoice_id,payment_date,amount\n9,2026-02-01,5\n"},
     "d", "payments.csv, row 2, column 'invoice_id'"),
    ("payment-before-invoice", {"d/invoices.csv": csv(OK), "d/payments.csv": b"invoice_id,payment_date,amount\n1,2025-12-01,5\n"},
     "d", "before invoice '1'"),
    ("payments-no-amount", {"d/invoices.csv": csv(OK), "d/payments.csv": b"invoice_id,payment_date\n1,2026-02-01\n"},
     "d", "payments.csv, column 'amount'"),
    ("customers-twice", {"d/invoices.csv": csv(OK), "d/customers.csv": b"customer\nA\nA\n"}, "d", "listed twice"),
    ("customers-keyed-by-code", {"d/invoices.csv": csv(OK), "d/customers.csv": b"customer,status\nC001,bankrupt\n"},
     "d", "none of its 1 customers appears on the invoices"),
    ("payments-keyed-by-code", {"d/invoices.csv": csv(OK), "d/payments.csv":
                                b"customer,payment_date,amount\nC001,2026-02-01,5\nC002,2026-02-02,6\n"},
     "d", "none of the 2 receipts names a customer"),
    ("customers-bad-status", {"d/invoices.csv": csv(OK), "d/customers.csv": b"customer,status\nA,asleep\n"}, "d",
     "is not one of"),
    ("folder-without-invoices", {"d/payments.csv": b"invoice_id,payment_date,amount\n"}, "d", "no invoices.csv"),
    ("merged-amount-cells", {"ar.xlsx": xlsx(_merged_amounts)}, "ar.xlsx", "merged"),
    ("formula-without-value", {"ar.xlsx": xlsx(_formulas)}, "ar.xlsx", "formulas with no saved result"),
    ("two-sheets-no-invoices", {"ar.xlsx": xlsx(_two_sheets)}, "ar.xlsx", "--sheet"),
    ("truncated-xlsx", {"ar.xlsx": xlsx(_formulas)[:300]}, "ar.xlsx", "damaged"),
    ("not-a-zip-xlsx", {"ar.xlsx": b"hello, I am text"}, "ar.xlsx", "ar.xlsx"),
    ("encrypted-xlsx", {"ar.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500}, "ar.xlsx", "password"),
    ("old-xls", {"ar.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500}, "ar.xls", "save it as .xlsx"),
    ("pdf", {"ar.pdf": b"%PDF-1.4"}, "ar.pdf", "is not a .xlsx workbook"),
    ("no-such-file", {}, "missing.csv", "no such file"),
    ("opening-balance-row", {"ar.csv": csv("期初余额,,,,5000", OK)}, "ar.csv", "opening balance"),
    ("balance-forward-row", {"ar.csv": csv("Balance forward,,,,5000", OK)}, "ar.csv", "row 2"),
    ("duplicate-id-two-customers", {"ar.csv": csv(OK, "B,1,2026-01-01,2026-03-01,7")}, "ar.csv",
     "appears more than once"),
]
GOOD = {"ar.csv": csv(OK, "B,2,2026-03-01,2026-04-01,250")}
OPEN_ITEMS = {"ar.csv": "应收账款明细表\n日期：2026-11-30\n客户,发票号,开票日期,到期日,价税合计,已收金额\n"
                        "A,1,2026-10-01,2026-10-31,100,40\n".encode()}
# (case id, files, argv with {f} for the ledger, expected words)
OPTIONS = [
    ("as-of-empty", GOOD, ["aging", "{f}", "--as-of", ""], "--as-of is empty"),
    ("as-of-word", GOOD, ["aging", "{f}", "--as-of", "yesterday"], "is not a date"),
    ("as-of-year-1000", GOOD, ["aging", "{f}", "--as-of", "1000-01-01"], "not a plausible date"),
    ("buckets-letters", GOOD, ["aging", "{f}", "--buckets", "a,b"], "--buckets"),
    ("buckets-empty-edge", GOOD, ["aging", "{f}", "--buckets", "30,,60"], "empty edge"),
    ("buckets-decreasing", GOOD, ["aging", "{f}", "--buckets", "60,30"], "increasing"),
    ("buckets-zero", GOOD, ["aging", "{f}", "--buckets", "0,30"], "positive"),
    ("columns-no-equals", GOOD, ["aging", "{f}", "--columns", "customer"], "NAME=HEADER"),
    ("columns-absent-header", GOOD, ["aging", "{f}", "--columns", "customer=往来户"], "is not in the file"),
    ("columns-unknown-name", GOOD, ["aging", "{f}", "--columns", "bogus=amount"], "not a column coursekit reads"),
    ("header-row-too-far", GOOD, ["aging", "{f}", "--header-row", "99"], "outside the file"),
    ("header-row-word", GOOD, ["aging", "{f}", "--header-row", "top"], "--header-row"),
    ("export-date-word", OPEN_ITEMS, ["aging", "{f}", "--export-date", "soon"], "--export-date"),
    ("date-format-wrong", {"ar.csv": csv("A,1,01/02/2026,03/04/2026,5")},
     ["aging", "{f}", "--date-format", "%Y.%m.%d"], "cannot read '01/02/2026'"),
    ("output-is-input", GOOD, ["plan", "{f}", "-o", "{f}"], "would overwrite the input"),
    ("output-inside-input-folder", {"d/invoices.csv": csv(OK)}, ["aging", "{dir}/d", "-o", "{dir}/d/aging.csv"],
     "would overwrite the input"),
    ("report-over-input", GOOD, ["report", "{f}", "-o", "{f}"], "would overwrite the input"),
    ("output-missing-folder", GOOD, ["aging", "{f}", "-o", "{dir}/nowhere/aging.csv"], "does not exist"),
    ("output-unknown-suffix", GOOD, ["aging", "{f}", "-o", "{dir}/aging.pdf"], "cannot write"),
    ("xlsx-to-screen", GOOD, ["aging", "{f}", "--format", "xlsx"], "needs an output file"),
    ("report-as-text", GOOD, ["report", "{f}", "-o", "{dir}/report.txt"], ".html or .xlsx"),
    ("dso-empty-window", GOOD, ["dso", "{f}", "--as-of", "2030-06-30"], "no credit sales"),
    ("dso-zero-days", GOOD, ["dso", "{f}", "--as-of", "2026-03-31", "--days", "0"], "days"),
    ("as-of-before-export", OPEN_ITEMS, ["aging", "{f}", "--as-of", "2026-11-01"], "export date 2026-11-30"),
    ("unknown-currency", GOOD, ["aging", "{f}", "--currency", "XYZ"], "XYZ"),
    ("sample-too-few-customers", {}, ["sample", "{dir}/s.xlsx", "--customers", "3"], "between 7 and 20,000"),
]


def _lay(tmp_path: Path, files: dict) -> dict:
    for name, data in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.rglob("*") if p.is_file()}


def _check(tmp_path, before, argv, expected, named, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, f"exit {code} for {argv}: {err}"
    assert expected in err, err
    assert named in err, f"the message should name {named!r}: {err}"
    assert "Traceback" not in err and out == ""
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before, "a file was written or changed"


def test_there_are_at_least_sixty_cases():
    assert len(FILES) + len(OPTIONS) >= 60


_QUOTED = re.compile(r"'[^']*'|“[^”]*”|\"[^\"]*\"|\([^()]*Python[^()]*\)|（Python[^）]*）")
_SENTENCE = re.compile(r"[A-Za-z]+(?:[ ,]+[A-Za-z]+){3,}")


@pytest.mark.parametrize("case,files,target,expected", FILES, ids=[c[0] for c in FILES])
def test_malformed_file(tmp_path, capsys, case, files, target, expected):
    before = _lay(tmp_path, files)
    argv = ["aging", str(tmp_path / target), "--as-of", "2026-06-30", "-q"]
    _check(tmp_path, before, argv + ["--lang", "en"], expected, Path(target).name, capsys)
    # the default language is Chinese: the same problems, every line of them in Chinese
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert Path(target).name in err and "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("  ")] or err.splitlines()[:1]
    for line in lines:
        said = _QUOTED.sub("", line.split("：", 1)[-1])
        assert re.search("[\u4e00-\u9fff]", said) and not _SENTENCE.search(said), f"not in Chinese: {line}"


@pytest.mark.parametrize("case,files,argv,expected", OPTIONS, ids=[c[0] for c in OPTIONS])
def test_mistaken_option(tmp_path, capsys, case, files, argv, expected):
    before = _lay(tmp_path, files)
    first = next(iter(files), "")
    argv = [a.replace("{f}", str(tmp_path / first)).replace("{dir}", str(tmp_path)) for a in argv]
    if argv[0] in ("aging", "dso", "grades", "plan", "report") and "--lang" not in argv:
        argv += ["--lang", "en"]      # the expected text is the English message
    try:
        _check(tmp_path, before, argv, expected, "", capsys)
    except SystemExit as exc:   # argparse and option checks exit through SystemExit(2)
        assert exc.code == 2
        out, err = capsys.readouterr()
        assert expected in err and "Traceback" not in err


def test_a_customer_named_like_a_formula_is_written_as_text(tmp_path):
    import pandas as pd

    path = tmp_path / "ar.csv"
    path.write_text(H + "\n=1+1,1,2026-01-01,2026-02-01,100\n+86 Co,2,2026-01-01,2026-02-01,50\n"
                        "@SUM(A1),3,2026-01-01,2026-02-01,25\n", encoding="utf-8")
    for suffix in ("xlsx", "csv"):
        out = tmp_path / f"aging.{suffix}"
        assert main(["aging", str(path), "--as-of", "2026-06-30", "-o", str(out), "-q", "--lang", "en"]) == 0
        if suffix == "xlsx":
            ws = openpyxl.load_workbook(out).active
            cells = [c for row in ws.iter_rows() for c in row]
            assert not any(c.data_type == "f" for c in cells), "a text cell was written as a formula"
            assert "=1+1" in [c.value for c in cells]
        else:
            names = pd.read_csv(out, dtype=str)["customer"].tolist()
            assert all(not n.startswith(("=", "+", "-", "@")) for n in names)
            assert "'=1+1" in names


def test_writers_leave_no_half_file(tmp_path, monkeypatch):
    """A crash while writing leaves the old file untouched and no temporary file behind."""
    import pandas as pd

    from coursekit import export

    target = tmp_path / "plan.csv"
    target.write_text("old", encoding="utf-8")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(OSError):
        export.write_table(pd.DataFrame({"a": [1.0]}), target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.csv"]


def test_zero_amount_invoices_are_reported_not_dropped(tmp_path, capsys):
    path = tmp_path / "ar.csv"
    path.write_text(H + "\nA,1,2026-01-01,2026-02-01,0\nA,2,2026-01-01,2026-02-01,-0\nB,3,2026-01-01,2026-02-01,5\n",
                    encoding="utf-8")
    assert main(["aging", str(path), "--as-of", "2026-06-30", "--lang", "en", "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert "2 invoice rows have the amount 0" in err


def test_sample_works_at_the_allowed_minimum(tmp_path):
    import coursekit as ck

    out = tmp_path / "s.xlsx"
    assert main(["sample", str(out), "--customers", "7"]) == 0
    assert len(ck.load_ledger(out).customer_info()) == 7


def test_exported_totals_are_rounded_to_the_cent(tmp_path, capsys):
    path = tmp_path / "ar.csv"
    path.write_text(H + "\nA,1,2026-01-01,2026-02-01,1234.11\nA,2,2026-01-01,2026-02-01,3702.21\n", encoding="utf-8")
    assert main(["aging", str(path), "--as-of", "2026-06-30", "--format", "csv", "-q"]) == 0
    out = capsys.readouterr().out
    assert "4936.32" in out and "4936.3200000" not in out


def test_zipfile_module_is_what_xlsx_is():   # keep the fixture honest: a real xlsx is a zip
    assert zipfile.is_zipfile(io.BytesIO(xlsx(_formulas)))


def test_quiet_hides_the_summary_but_not_its_warnings(tmp_path, capsys):
    path = tmp_path / "ar.csv"
    path.write_text(H + "\nA,1,2026-01-01,2026-02-01,100\nB,2,2026-01-01,2026-02-01,50\n合计,,,,999\n", encoding="utf-8")
    assert main(["aging", str(path), "--as-of", "2026-06-30", "-q", "--lang", "en", "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert "Import summary" not in err and "WARNING: row 4 '合计' says 999.00" in err
