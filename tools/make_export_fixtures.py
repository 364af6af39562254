"""Write the export-shaped test files in tests/exports/*/ (run again after changing a shape).

Each folder holds one file shaped like a real export (Kingdee, Yonyou, a hand-kept
sheet, an IBM-style public AR dataset, SAP FBL5N, QuickBooks, Xero), an
``expected.json`` with the aging worked out by hand, and a README that shows the
working. The CSV shapes are written as text exactly as those systems print them.

Run: .venv/bin/python tools/make_export_fixtures.py
"""
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

ROOT = Path(__file__).resolve().parent.parent / "tests" / "exports"


def kingdee(folder: Path) -> None:
    """金蝶 应收款明细表: title, 编制单位/日期 and 单位 lines, merged customer cells, 小计 and 合计 rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "应收款明细表"
    ws.append(["应收款明细表"])
    ws.merge_cells("A1:H1")
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["编制单位：杭州示例贸易有限公司", None, None, None, "日期：2026-11-30"])
    ws.append(["单位：元"])
    ws.append(["往来单位", "单据日期", "单据编号", "摘要", "价税合计", "已收金额", "余额", "到期日"])
    rows = [
        ["杭州恒远商贸有限公司", "2026-08-10", "AR-001", "销售", 20000.00, 20000.00, 0.00, "2026-09-09"],
        [None, "2026-09-15", "AR-002", "销售", 12000.00, 4000.00, 8000.00, "2026-10-15"],
        [None, "2026-11-05", "AR-003", "销售", 11500.00, 0.00, 11500.00, "2026-12-05"],
        [None, None, None, "小计", 43500.00, 24000.00, 19500.00, None],
        ["宁波海澄电子有限公司", "2026-06-20", "AR-004", "销售", 10000.00, 0.00, 10000.00, "2026-07-20"],
        [None, "2026-10-25", "AR-005", "销售", 2845.60, 2845.60, 0.00, "2026-11-24"],
        [None, None, None, "小计", 12845.60, 2845.60, 10000.00, None],
        ["合计", None, None, None, 56345.60, 26845.60, 29500.00, None],
    ]
    for r in rows:
        ws.append(r)
    ws.merge_cells("A5:A7")   # the customer name merged down its group, as Kingdee prints it
    ws.merge_cells("A9:A10")
    ws.append([])
    ws.append(["制表人：王会计", None, None, None, "审核：李经理"])
    wb.save(folder / "kingdee-ar-detail.xlsx")


def yonyou(folder: Path) -> None:
    """用友 应收账龄分析: two-row header with merged parents, amounts in 万元, 客户编码 beside 客户名称."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "应收明细"
    ws.append(["应收账款明细（用友U8导出）"])
    ws.append(["截至日期：2026年11月30日"])
    ws.append(["单位：万元"])
    ws.append(["客户编码", "客户名称", "单据信息", None, None, "金额", None])
    ws.append([None, None, "单据编号", "业务日期", "到期日期", "价税合计", "已收金额"])
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    ws.merge_cells("C4:E4")
    ws.merge_cells("F4:G4")
    for r in [
        ["C001", "苏州联达机械有限公司", "YS-101", "2026-07-01", "2026-08-30", 12.5, 2.5],
        ["C001", "苏州联达机械有限公司", "YS-102", "2026-10-20", "2026-11-19", 3.2, 0],
        ["C002", "无锡百川化工有限公司", "YS-103", "2026-09-10", "2026-10-10", 6.8, 6.8],
        ["C002", "无锡百川化工有限公司", "YS-104", "2026-11-01", "2026-12-01", 4.25, 1.0],
    ]:
        ws.append(r)
    wb.save(folder / "yonyou-aging.xlsx")


def handkept(folder: Path) -> None:
    """A hand-kept Excel sheet: 价税合计, 已收金额, 未收金额 and 收款日期 on each invoice row, and a filled 合计 row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "应收台账"
    ws.append(["客户名称", "发票号", "开票日期", "到期日", "价税合计", "已收金额", "未收金额", "收款日期"])
    for r in [
        ["广州粤顺物流有限公司", "FP-2001", "2026-06-01", "2026-07-01", 30000, 30000, 0, "2026-08-15"],
        ["广州粤顺物流有限公司", "FP-2002", "2026-08-01", "2026-08-31", 18000, 6000, 12000, "2026-10-10"],
        ["广州粤顺物流有限公司", "FP-2003", "2026-10-15", "2026-11-14", 9600, 0, 9600, None],
        ["深圳启明科技有限公司", "FP-2004", "2026-09-01", "2026-10-01", 25000, 25000, 0, "2026-11-20"],
        ["深圳启明科技有限公司", "FP-2005", "2026-11-10", "2026-12-10", 7500, 0, 7500, None],
        ["合计", None, None, None, 90100, 61000, 29100, None],
    ]:
        ws.append(r)
    wb.save(folder / "hand-kept.xlsx")


IBM = """countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,SettledDate,PaperlessBill,DaysToSettle,DaysLate
391,0379-NEVHP,4/6/2013,611365,1/2/2013,2/1/2013,55.94,No,1/15/2013,Paper,13,0
406,8976-AMJEO,3/3/2012,7900770,1/26/2013,2/25/2013,61.74,Yes,3/3/2013,Electronic,36,6
818,2820-XGXSB,1/26/2012,9231909,7/3/2013,8/2/2013,65.88,No,7/8/2013,Electronic,5,0
406,8976-AMJEO,3/3/2012,9471532,2/14/2013,3/16/2013,100.00,No,4/30/2013,Electronic,75,45
818,2820-XGXSB,1/26/2012,9600321,3/20/2013,4/19/2013,80.50,No,3/28/2013,Electronic,8,0
"""

SAP = """Customer,Name 1,Assignment,Document Number,Document Type,Document Date,Posting Date,Net Due Date,Amount in Local Currency,Local Currency,Clearing Date,Clearing Document
100001,Shanghai Huaxin Trading Co.,PO-77,1800000101,RV,15.08.2026,16.08.2026,14.09.2026,"48,000.00",CNY,20.09.2026,1400000050
100001,Shanghai Huaxin Trading Co.,PO-78,1800000102,RV,20.09.2026,21.09.2026,20.10.2026,"36,500.00",CNY,,
100001,Shanghai Huaxin Trading Co.,,1400000061,DZ,05.11.2026,05.11.2026,05.11.2026,"10,000.00-",CNY,,
100002,Tianjin Beifang Steel Ltd.,PO-12,1800000103,RV,01.10.2026,01.10.2026,31.10.2026,"22,000.00",CNY,,
100002,Tianjin Beifang Steel Ltd.,PO-13,1800000104,DG,12.10.2026,12.10.2026,12.10.2026,"2,000.00-",CNY,,
"""

QUICKBOOKS = """Sample Trading LLC
A/R Aging Detail
"As of November 30, 2026"

,Date,Transaction Type,Num,Customer,Due Date,Past Due,Amount,Open Balance
Current,,,,,,,,
,11/05/2026,Invoice,1045,Blue Harbor Foods,12/05/2026,-5,"1,200.00","1,200.00"
Total for Current,,,,,,,"1,200.00","1,200.00"
1 - 30 days past due,,,,,,,,
,10/20/2026,Invoice,1032,Blue Harbor Foods,11/19/2026,11,"2,500.00","1,500.00"
,10/15/2026,Invoice,1029,Greenfield Dental,11/14/2026,16,"3,000.00","3,000.00"
Total for 1 - 30 days past due,,,,,,,"5,500.00","4,500.00"
91 or more days past due,,,,,,,,
,07/01/2026,Invoice,1001,Greenfield Dental,07/31/2026,122,"4,000.00","4,000.00"
,08/10/2026,Payment,,Greenfield Dental,08/10/2026,112,-500.00,-500.00
Total for 91 or more days past due,,,,,,,"3,500.00","3,500.00"
TOTAL,,,,,,,"10,200.00","9,200.00"
"""

XERO = """Aged Receivables Detail
Demo Company (CN)
As at 30 November 2026

Invoice Date,Invoice Number,Due Date,Contact,Reference,Invoice Total,Paid,Credited,Due
12 Sep 2026,INV-0101,12 Oct 2026,Harbour Cafe,Sept supplies,"5,000.00","2,000.00",0.00,"3,000.00"
28 Oct 2026,INV-0115,27 Nov 2026,Harbour Cafe,Oct supplies,"4,400.00",0.00,400.00,"4,000.00"
05 Nov 2026,INV-0120,05 Dec 2026,Summit Books,,"2,300.00",0.00,0.00,"2,300.00"
Total,,,,,"11,700.00","2,000.00",400.00,"9,300.00"
"""


STATEMENT = """往来对账单
客户：杭州恒远商贸有限公司
往来单位,日期,单据编号,摘要,借方,贷方,余额,到期日
杭州恒远商贸有限公司,2026-09-01,XS-01,销售,"10,000.00",,"10,000.00",2026-10-01
杭州恒远商贸有限公司,2026-09-20,XS-02,销售,"5,000.00",,"15,000.00",2026-10-20
杭州恒远商贸有限公司,2026-10-15,SK-01,收款,,"8,000.00","7,000.00",
杭州恒远商贸有限公司,2026-11-02,XS-03,销售,"3,000.00",,"10,000.00",2026-12-02
合计,,,,"18,000.00","8,000.00","10,000.00",
"""


QUICKBOOKS_OPEN = """Sample Trading LLC
Open Invoices
"As of November 30, 2026"

,Date,Transaction Type,Num,Terms,Due Date,Open Balance
Blue Harbor Foods,,,,,,
,10/15/2026,Invoice,1101,Net 30,11/14/2026,"1,200.00"
,08/01/2026,Invoice,1088,Net 30,08/31/2026,500.00
,09/20/2026,Payment,,,,-200.00
Total for Blue Harbor Foods,,,,,,"1,500.00"
Greenfield Dental,,,,,,
,11/20/2026,Invoice,1107,Net 30,12/20/2026,300.00
Total for Greenfield Dental,,,,,,300.00
TOTAL,,,,,,"1,800.00"
"""

NETSUITE = """A/R Aging Detail
Sample Trading Pty Ltd
As of 30/11/2026

Type,Date,Document Number,Name,Due Date,Age,Amount,Open Balance
Invoice,15/10/2026,INV1001,Beta Co,14/11/2026,16,"1,200.00","1,200.00"
Invoice,01/08/2026,INV1002,Beta Co,31/08/2026,91,800.00,500.00
Credit Memo,05/11/2026,CM0007,Beta Co,05/11/2026,25,-150.00,-150.00
Total - Beta Co,,,,,,"1,850.00","1,550.00"
Invoice,20/11/2026,INV1003,Gamma Ltd,20/12/2026,-20,300.00,300.00
Total - Gamma Ltd,,,,,,300.00,300.00
Total,,,,,,"2,150.00","1,850.00"
"""


LEDGER_STATEMENT = """应收账款明细账
科目：1122 应收账款
日期,凭证号,摘要,借方,贷方,方向,余额
客户：杭州恒远商贸有限公司,,,,,,
2026-09-01,记-0012,销售商品 发票12345,"10,000.00",,借,"10,000.00"
2026-10-15,记-0088,收到货款,,"6,000.00",借,"4,000.00"
,,本月合计,"10,000.00","6,000.00",借,"4,000.00"
客户：宁波海澄电子有限公司,,,,,,
2026-08-20,记-0007,销售商品 发票12300,"5,000.00",,借,"5,000.00"
,,本月合计,"5,000.00",,借,"5,000.00"
"""


def handkept_terms(folder: Path) -> None:
    """A sheet kept by hand: a merged title, 序号, terms in days instead of due dates ('账期(天)'), dates with
    dots, amounts with 元, a notes column, a column left blank as a separator and a 合计 row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "2026年11月应收账款明细"
    ws.merge_cells("A1:H1")
    ws["A2"] = "截至日期：2026-11-30"
    ws.append(["序号", "客户", "发票号码", "开票日期", "账期(天)", None, "金额", "备注"])
    ws.append([1, "杭州恒远商贸有限公司", "F001", "2026.9.5", 30, None, "12,000元", "已电话催收一次"])
    ws.append([2, "杭州恒远商贸有限公司", "F002", "2026.10.20", 30, None, "8,000.50元", None])
    ws.append([3, "宁波海澄电子有限公司", "F003", "2026.6.1", "60天", None, "10,000元", None])
    ws.append(["合计", None, None, None, None, None, "30,000.50元", None])
    wb.save(folder / "hand-kept-terms.xlsx")


def main() -> None:
    writers = {"kingdee-open-items": kingdee, "yonyou-two-row-header": yonyou, "hand-kept-settled": handkept,
               "hand-kept-terms": handkept_terms}
    texts = {"ibm-settled-us-dates": ("ar-invoices.csv", IBM), "sap-fbl5n": ("fbl5n.csv", SAP),
             "quickbooks-aging-detail": ("ar-aging-detail.csv", QUICKBOOKS),
             "xero-aged-receivables": ("aged-receivables-detail.csv", XERO),
             "kingdee-running-statement": ("statement.csv", STATEMENT),
             "quickbooks-open-invoices": ("open-invoices.csv", QUICKBOOKS_OPEN),
             "netsuite-aging-detail": ("ar-aging-detail.csv", NETSUITE),
             "yonyou-ledger-statement": ("ledger-statement.csv", LEDGER_STATEMENT)}
    for name, fn in writers.items():
        (ROOT / name).mkdir(parents=True, exist_ok=True)
        fn(ROOT / name)
    for name, (file, text) in texts.items():
        (ROOT / name).mkdir(parents=True, exist_ok=True)
        (ROOT / name / file).write_text(text, encoding="utf-8")
    print(f"wrote {len(writers) + len(texts)} export shapes under {ROOT}")


if __name__ == "__main__":
    main()
