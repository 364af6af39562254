"""The coursekit command: each subcommand end to end, and clean errors for user mistakes."""
import json

import pandas as pd
import pytest

import coursekit as ck
from coursekit.cli import main


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.xlsx"
    assert main(["sample", str(path), "--customers", "20", "--months", "12"]) == 0
    return path


def test_sample_writes_a_loadable_workbook(workbook):
    led = ck.load_ledger(workbook)
    assert len(led.customer_info()) == 20


def test_aging_table_on_screen(workbook, capsys):
    assert main(["aging", str(workbook), "--as-of", "2026-10-31"]) == 0
    out = capsys.readouterr().out
    assert "账龄表" in out and "未到期" in out


def test_aging_json_matches_the_api(workbook, capsys):
    assert main(["aging", str(workbook), "--as-of", "2026-10-31", "--format", "json", "--lang", "en"]) == 0
    rows = json.loads(capsys.readouterr().out)
    api = ck.aging(ck.load_ledger(workbook), "2026-10-31")
    assert {r["customer"]: r["total"] for r in rows if r["customer"] != "Total"} == pytest.approx(api["total"].to_dict())
    assert rows[-1]["customer"] == "Total"


def test_plan_to_xlsx_with_chinese_headers(workbook, tmp_path):
    out = tmp_path / "plan.xlsx"
    assert main(["plan", str(workbook), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    df = pd.read_excel(out)
    assert {"优先级", "客户", "方式", "下一步", "对应技巧", "诉讼时效届满日"} <= set(df.columns)
    assert list(df["优先级"]) == list(range(1, len(df) + 1))


@pytest.mark.parametrize("cmd", ["dso", "grades"])
def test_other_subcommands_csv(workbook, capsys, cmd):
    assert main([cmd, str(workbook), "--as-of", "2026-10-31", "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) > 2


def test_bad_ledger_is_one_clear_message_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("客户,发票号,开票日期,到期日,金额\nA,1,2026-01-01,2026-13-01,100\n", encoding="utf-8")
    assert main(["aging", str(bad), "--as-of", "2026-06-30"]) == 2
    err = capsys.readouterr().err      # Chinese by default: file, row, the column as the file names it
    assert "bad.csv，第 2 行，“到期日”列：无法把 '2026-13-01' 读成日期" in err and "Traceback" not in err
    assert "cannot" not in err
    assert main(["aging", str(bad), "--as-of", "2026-06-30", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "bad.csv, row 2, column '到期日': cannot read '2026-13-01' as a date" in err and "无法" not in err


@pytest.mark.parametrize("argv,message", [
    (["aging", "no-such-file.xlsx", "--lang", "en"], "no such file"),
    (["aging", "{ledger}", "--as-of", "yesterday", "--lang", "en"], "is not a date"),
    (["aging", "{ledger}", "--as-of", "yesterday"], "不是日期"),
    (["aging", "{ledger}", "--buckets", "60,30"], "increasing"),
    (["aging", "{ledger}", "--format", "xlsx", "--lang", "en"], "needs an output file"),
    (["aging", "{ledger}", "--format", "xlsx"], "需要输出文件"),
])
def test_user_mistakes_exit_2(workbook, capsys, argv, message):
    argv = [a.replace("{ledger}", str(workbook)) for a in argv]
    with pytest.raises(SystemExit) if message in ("is not a date", "needs an output file", "不是日期", "需要输出文件") \
            else _nothing():
        code = main(argv)
        assert code == 2
    assert message in capsys.readouterr().err


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_help_is_bilingual(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "账龄" in out and "aging" in out
