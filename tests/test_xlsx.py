"""The streaming XLSX writer: what goes in comes back, text stays text, nothing half-written."""
import datetime as dt
import zipfile

import numpy as np
import pandas as pd
import pytest

from coursekit.xlsx import _letter, write_tables


def test_round_trip_of_every_kind_of_cell(tmp_path):
    df = pd.DataFrame({
        "customer": ["=1+1", "<b>&amp;</b>", "杭州\x00恒远", None],
        "amount": [1234.5, -0.01, np.nan, 1e9 + 0.125],
        "count": [1, 2, 3, 4],
        "flag": [True, False, True, False],
        "due": pd.to_datetime(["2026-01-31", None, "2024-02-29", "1999-12-31"]),
        "follow_up": [dt.date(2026, 11, 7), dt.date(2027, 1, 1), None, dt.date(2026, 12, 31)],
    })
    path = write_tables(tmp_path / "t.xlsx", {"表一": df, "empty": df.iloc[:0]})
    back = pd.read_excel(path, sheet_name=None)
    assert list(back) == ["表一", "empty"]
    got = back["表一"]
    assert list(got.columns) == list(df.columns)
    assert got["customer"].tolist()[:3] == ["=1+1", "<b>&amp;</b>", "杭州恒远"] and pd.isna(got["customer"][3])
    assert got["amount"].tolist()[:2] == [1234.5, -0.01] and pd.isna(got["amount"][2])
    assert got["amount"][3] == round(1e9 + 0.125, 2)
    assert got["count"].tolist() == [1, 2, 3, 4] and got["flag"].tolist() == [True, False, True, False]
    assert got["due"].tolist()[0] == pd.Timestamp("2026-01-31") and pd.isna(got["due"][1])
    assert got["due"][2] == pd.Timestamp("2024-02-29") and got["due"][3] == pd.Timestamp("1999-12-31")
    assert got["follow_up"][0] == pd.Timestamp("2026-11-07")
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and 'state="frozen"' in sheet


def test_a_failed_write_leaves_no_file(tmp_path):
    class Broken(pd.DataFrame):
        @property
        def columns(self):
            raise RuntimeError("boom")

    target = tmp_path / "t.xlsx"
    with pytest.raises(RuntimeError):
        write_tables(target, {"x": Broken({"a": [1]})})
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("i,letters", [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
def test_column_letters(i, letters):
    assert _letter(i) == letters
