"""Messages about a user's file speak Chinese with ``describe("zh")`` and keep their English in ``str()``.

Each case builds a broken file the way learners bring them (an empty export, an old .xls renamed to .csv,
a ragged CSV line, a missing sheet, an opening-balance row, a duplicated or ambiguous header, a
``--columns`` naming a header that is not there) and checks three things: the Chinese names the file and
says what is wrong in Chinese, with no English sentence left in it; the English is unchanged.
"""
import ast
import re
from pathlib import Path

import pytest

import coursekit as ck
from coursekit.cli import main
from coursekit.columns import map_columns
from coursekit.values import Note

# the same small files as the hostile-input cases, built by the same helpers
from tests.test_hostile_inputs import OK, H, _formulas, _merged_amounts, _two_sheets, csv, xlsx  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]


_LATE = [OK.replace(",1,", f",{i},") for i in range(1, 60)]
_LATE[49] = "A,50,2026-01-01,2026-02-01,1,234.50"       # line 51 of the file: an unquoted thousands comma

# (case id, {file name: bytes}, path given, load_ledger options, Chinese expected, English kept)
CASES = [
    ("empty-file", {"ar.csv": b""}, "ar.csv", {}, "文件是空的", "is empty: there is nothing to read"),
    ("xls-bytes-as-csv", {"ar.csv": b"\xd0\xcf\x11\xe0" + b"\x00" * 60}, "ar.csv", {},
     "是旧版 Excel（.xls）或加了密码的工作簿", "is an old Excel (.xls) or password-protected workbook"),
    ("xls-bytes-as-xlsx", {"ar.xlsx": b"\xd0\xcf\x11\xe0" + b"\x00" * 60}, "ar.xlsx", {},
     "请去掉密码", "is password-protected or an old .xls workbook"),
    ("xls-extension", {"ar.xls": b"\xd0\xcf\x11\xe0"}, "ar.xls", {}, "另存为 .xlsx", "is an old .xls workbook"),
    ("xlsx-named-csv", {"ar.csv": b"PK\x03\x04" + b"\x00" * 40}, "ar.csv", {}, "扩展名不对",
     "rename it to .xlsx"),
    ("binary-file", {"ar.csv": b"a\x00" + b"\x00\xd8" * 50}, "ar.csv", {}, "二进制文件",
     "is a binary file, not a CSV text file"),
    ("garbage-bytes", {"ar.csv": bytes(range(256)) * 8}, "ar.csv", {}, "既不是 UTF-8 也不是 GBK",
     "is neither UTF-8 nor GBK text"),
    ("ragged-late-line", {"ar.csv": csv(*_LATE)}, "ar.csv", {}, "第 51 行有 6 个字段，而上面各行是 5 个",
     "line 51 has 6 fields but the rows above have 5"),
    ("ragged-row", {"ar.csv": csv(OK, "B,2,2026-01-01,2026-02-01,5,7")}, "ar.csv", {},
     "第 6 列有值（第一个：'7'），但这一列没有表头", "which has no header"),
    ("stray-quote", {"ar.csv": csv('A,"1"x,2026-01-01,2026-02-01,5')}, "ar.csv", {}, "第 2 行有个引号",
     "A quote character"),
    ("sheet-not-found", {"ar.xlsx": xlsx(_two_sheets)}, "ar.xlsx", {"sheet": "应收明细"},
     "没有名为“应收明细”的工作表（文件里的工作表：Sheet A、Sheet B）", "has no sheet '应收明细'"),
    ("two-sheets-no-invoices", {"ar.xlsx": xlsx(_two_sheets)}, "ar.xlsx", {}, "请用 --sheet 加工作表名",
     "name the sheet to read with --sheet NAME"),
    ("merged-amount-cells", {"ar.xlsx": xlsx(_merged_amounts)}, "ar.xlsx", {}, "“amount”列第 2-3 行的单元格是合并的",
     "are merged"),
    ("formula-without-value", {"ar.xlsx": xlsx(_formulas)}, "ar.xlsx", {}, "没有保存计算结果（如 E2）",
     "formulas with no saved result"),
    ("truncated-xlsx", {"ar.xlsx": xlsx(_formulas)[:300]}, "ar.xlsx", {}, "文件已损坏或不完整",
     "the file is damaged or incomplete"),
    ("opening-balance", {"ar.csv": csv("期初余额,,,,500", OK)}, "ar.csv", {}, "ar.csv，第 2 行：这一行是期初余额，不是发票",
     "is an opening balance"),
    ("duplicate-header", {"ar.csv": csv("A,B,1,2026-01-01,2026-02-01,5", header="客户名称," + H.replace("customer", "客户名称"))},
     "ar.csv", {}, "表头“客户名称”出现了 2 次", "the header '客户名称' appears 2 times"),
    ("columns-header-missing", {"ar.csv": csv(OK)}, "ar.csv", {"columns": {"amount": "价税合计"}},
     "为“amount”指定的列“价税合计”不在文件里（文件里的列：customer、invoice_id", "given for 'amount' is not in the file"),
    ("columns-unknown-name", {"ar.csv": csv(OK)}, "ar.csv", {"columns": {"amont": "amount"}},
     "“amont”不是 coursekit 在发票表里读取的列", "is not a column coursekit reads in invoices"),
    ("ambiguous-columns", {"ar.csv": csv("A,B,1,2026-01-01,2026-02-01,5",
                                         header="客户,customer,invoice_id,invoice_date,due_date,amount")},
     "ar.csv", {}, "列“customer”、“客户”都表示“customer”：请只保留一列，或用 --columns 'customer=…'",
     "all mean 'customer'"),
    ("header-row-outside", {"ar.csv": csv(OK)}, "ar.csv", {"header_row": 9}, "--header-row 9 超出了文件的范围",
     "--header-row 9 is outside the file's 2 rows"),
    ("no-such-file", {}, "missing.csv", {}, "找不到这个文件或文件夹", "no such file or folder"),
    ("folder-without-invoices", {"d/payments.csv": b"invoice_id,payment_date,amount\n"}, "d", {},
     "文件夹里没有 invoices.csv", "the folder has no invoices.csv"),
    ("unknown-extension", {"ar.pdf": b"%PDF-1.4"}, "ar.pdf", {}, "不是 .xlsx 工作簿", "is not a .xlsx workbook"),
]

# Four or more ASCII words in a row, once quoted values (the user's headers, sheet names, cells) and
# option names (--header-row, --columns) are taken out: an English sentence left untranslated.
_QUOTED = re.compile(r"“[^”]*”|'[^']*'|\"[^\"]*\"")
_OPTION = re.compile(r"--[a-z][\w-]*")
_ENGLISH_RUN = re.compile(r"[A-Za-z][\w.,/-]*(?:\s+[A-Za-z][\w.,/-]*){3,}")


def english_runs(text: str) -> list[str]:
    return _ENGLISH_RUN.findall(_OPTION.sub(" ", _QUOTED.sub(" ", text)))


def test_the_english_detector_catches_english_and_passes_chinese():
    assert english_runs("ar.csv: is empty: there is nothing to read")
    assert english_runs("The ledger has a problem:")
    assert english_runs("no such file or folder")
    assert not english_runs("ar.csv：列“Net Due Date Local”、“due date”都表示“due_date”：请用 --columns 'a=b c d e'")
    assert not english_runs("请用 Excel、WPS 或 LibreOffice 打开文件，另存为 CSV UTF-8")


def _error(tmp_path, files, given, options) -> ck.LedgerError:
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    with pytest.raises(ck.LedgerError) as info:
        ck.load_ledger(tmp_path / given, **options)
    return info.value


@pytest.mark.parametrize("case,files,given,options,zh,en", CASES, ids=[c[0] for c in CASES])
def test_message_in_chinese_and_english(tmp_path, case, files, given, options, zh, en):
    err = _error(tmp_path, files, given, options)
    text = err.describe("zh")
    assert zh in text
    assert Path(given).name in text                                   # the user's own file name
    assert text.startswith("台账有 ") and re.search(r"[\u4e00-\u9fff]", text.split("：", 1)[1])
    assert not english_runs(text), english_runs(text)
    assert en in str(err) and en in err.describe("en")
    assert zh not in str(err) and not str(err).startswith("台账")
    for p in err.problems:                        # every message was written twice, not left to fall back
        assert isinstance(p.message, Note) and p.message.zh != str(p.message), p.message


def test_map_columns_problems_are_bilingual():
    cmap = map_columns(["客户", "customer", "单据号", "单据号", "amount"], "invoices",
                       {"due_date": "到期", "amont": "amount"})
    assert len(cmap.problems) == 5     # 单据号 twice, and so ambiguous; 到期 not there; amont; 客户/customer
    for header, message in cmap.problems:
        assert isinstance(message, Note) and header
        assert not english_runs(message.zh) and english_runs(str(message))


def _calls(tree, name):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if (isinstance(f, ast.Name) and f.id == name) or (isinstance(f, ast.Attribute) and f.attr == name):
                yield node


def _plain(node) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def test_no_message_about_a_file_is_left_english_only():
    """Every _fail/Problem message in reading.py and every column problem in columns.py is a Note, so a
    message added later in English only fails here."""
    reading = ast.parse((ROOT / "coursekit" / "reading.py").read_text(encoding="utf-8"))
    plain = [n.lineno for name in ("_fail", "Problem") for n in _calls(reading, name)
             if len(n.args) > 1 and _plain(n.args[1])]
    columns = ast.parse((ROOT / "coursekit" / "columns.py").read_text(encoding="utf-8"))
    plain += [n.lineno for n in _calls(columns, "append")
              if isinstance(n.func.value, ast.Attribute) and n.func.value.attr == "problems"
              and isinstance(n.args[0], ast.Tuple) and _plain(n.args[0].elts[1])]
    assert not plain, f"English-only messages at lines {plain}"


def test_cli_speaks_chinese_by_default_and_english_when_asked(tmp_path, capsys):
    bad = tmp_path / "应收明细.csv"
    bad.write_bytes(csv("期初余额,,,,500", OK))
    assert main(["aging", str(bad), "--as-of", "2026-06-30"]) == 2
    err = capsys.readouterr().err
    assert "应收明细.csv，第 2 行：这一行是期初余额，不是发票" in err and "Traceback" not in err
    assert not english_runs(err), english_runs(err)
    assert main(["aging", str(bad), "--as-of", "2026-06-30", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "应收明细.csv, row 2: is an opening balance" in err and "这一行" not in err


def test_no_ledger_problem_or_cli_mistake_is_left_english_only():
    """The same rule for the checks of the ledger itself: every Problem and _flag message in ledger.py, every
    reason a cell cannot be read in values.py, and every command-line mistake in cli.py has its Chinese."""
    tree = ast.parse((ROOT / "coursekit" / "ledger.py").read_text(encoding="utf-8"))
    plain = [("ledger.py", n.lineno) for n in _calls(tree, "Problem") if len(n.args) > 1 and _plain(n.args[1])]
    plain += [("ledger.py", n.lineno) for n in _calls(tree, "_flag") if len(n.args) > 5 and
              (_plain(n.args[5]) or (isinstance(n.args[5], ast.Lambda) and _plain(n.args[5].body)))]
    plain += [("ledger.py", n.lineno) for n in _calls(tree, "AsOfError") if n.args and _plain(n.args[0])]
    values = ast.parse((ROOT / "coursekit" / "values.py").read_text(encoding="utf-8"))
    for node in ast.walk(values):     # (value, "reason") pairs and reasons laid into a Series
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) and len(node.value.elts) == 2 \
                and _plain(node.value.elts[1]):
            plain.append(("values.py", node.lineno))
    plain += [("values.py", n.lineno) for n in _calls(values, "where") if len(n.args) > 1 and _plain(n.args[1])]
    cli = ast.parse((ROOT / "coursekit" / "cli.py").read_text(encoding="utf-8"))
    plain += [("cli.py", n.lineno) for n in _calls(cli, "_fail") if n.args and _plain(n.args[0])]
    plain += [("cli.py", n.lineno) for n in _calls(cli, "_Mistake") if len(n.args) != 2]
    assert not plain, f"English-only messages at {plain}"


LEDGER_CASES = [
    ("unreadable amount", {"amount": ["五千", 100]}, None, "无法把 '五千' 读成金额"),
    ("empty customer", {"customer": ["", "乙"]}, None, "“customer”列：是空的"),
    ("due before invoice", {"due_date": ["2025-01-01", "2026-03-03"]}, None, "早于开票日"),
    ("duplicate id", {"invoice_id": ["A1", "A1"]}, None, "单据号 'A1' 出现了不止一次（第 0、1 行）"),
    ("unknown reference", {}, {"invoice_id": ["Z9"]}, "对应的单据 'Z9' 不在发票表里"),
    ("receipt before invoice", {}, {"invoice_id": ["A1"], "payment_date": ["2025-12-01"]}, "早于单据 'A1' 的开票日"),
    ("customer clash", {}, {"invoice_id": ["A1"], "customer": ["乙公司"]}, "客户 '乙公司' 与单据 'A1' 不符"),
    ("negative receipt", {}, {"invoice_id": ["A1"], "amount": [-5.0]}, "是负数；退款冲减的是以前的一笔收款"),
    ("unknown kind", {}, {"invoice_id": ["A1"], "kind": ["barter"]}, "类型 'barter' 不是收款（payment）或红冲"),
    ("mixed currencies", {"currency": ["CNY", "USD"]}, None, "台账里混有多种币种（CNY, USD）"),
    ("decimal comma", {"amount": ["12,34", "5"]}, None, "像是用逗号作小数点"),
    ("implausible date", {"invoice_date": ["1890-01-05", "2026-02-01"]}, None, "不像是真实的日期"),
    ("date order unknown", {"invoice_date": ["01/02/2026", "03/04/2026"], "due_date": ["2026-03-01", "2026-05-01"]},
     None, "既可以读成“日/月/年”"),
]


@pytest.mark.parametrize("case,inv_over,pay_cols,zh", LEDGER_CASES, ids=[c[0] for c in LEDGER_CASES])
def test_ledger_problems_in_chinese_and_english(case, inv_over, pay_cols, zh):
    import pandas as pd

    invoices = {"customer": ["甲公司", "乙公司"], "invoice_id": ["A1", "B1"], "invoice_date": ["2026-01-05", "2026-02-01"],
                "due_date": ["2026-02-04", "2026-03-03"], "amount": [1234.5, 2000], **inv_over}
    payments = None
    if pay_cols is not None:
        payments = pd.DataFrame({"payment_date": ["2026-03-01"], "amount": [100.0], **pay_cols})
    with pytest.raises(ck.LedgerError) as err:
        ck.Ledger(pd.DataFrame(invoices), payments)
    text = err.value.describe("zh")
    assert zh in text, text
    assert text.startswith("台账有 ") and "发票表" in text or "收款表" in text
    assert not english_runs(text), english_runs(text)
    assert all(isinstance(p.message, Note) for p in err.value.problems)
    assert str(err.value).startswith("The ledger has") and not re.search("[\u4e00-\u9fff]{2,}[：，]", str(err.value))
