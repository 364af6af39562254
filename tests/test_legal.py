"""Legal deadlines and late-payment money: every window's boundary, and properties."""
import re
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit.legal import (
    EVENT_KINDS,
    late_payment_damages,
    limitation,
    limitation_expiry,
    payment_order_timeline,
    sme_overdue_interest,
)

T = pd.Timestamp
DUE = "2023-03-31"


def lim(events=(), as_of="2026-01-31", **kw):
    return limitation(DUE, events, as_of=as_of, lang=kw.pop("lang", "en"), **kw)


# -- limitation: the plain period --------------------------------------------------------------
def test_three_years_from_the_due_date_and_twenty_year_cap():
    r = lim()
    assert r.runs_from == T(DUE) and r.expiry == T("2026-03-31") and r.cap == T("2043-03-31")
    assert r.status == "warning" and r.days_left == 59
    assert list(r.steps.columns) == ["date", "event", "kind", "effect", "article", "explanation"]
    assert list(r.steps["kind"]) == ["due", "status"]
    assert r.steps.loc[0, "article"] == "Civil Code arts. 188, 201, 203"


@pytest.mark.parametrize("as_of,status,days_left", [
    ("2026-03-31", "warning", 0),      # exactly three years: the last day, still within the period
    ("2026-04-01", "expired", -1),     # the day after
    ("2025-10-02", "warning", 180),    # warning window edge: 180 days left
    ("2025-10-01", "running", 181),
])
def test_expiry_day_and_warning_window_edges(as_of, status, days_left):
    r = lim(as_of=as_of)
    assert (r.status, r.days_left) == (status, days_left)


def test_warning_days_is_a_parameter():
    assert lim(as_of="2026-03-01", warning_days=30).status == "warning"     # 30 days left
    assert lim(as_of="2026-02-28", warning_days=30).status == "running"     # 31 days left
    assert lim(as_of="2026-03-31", warning_days=0).status == "warning"
    with pytest.raises(ValueError, match="warning_days"):
        lim(warning_days=-1)


def test_29_february_ends_on_28_february():
    r = limitation("2024-02-29", as_of="2026-01-01")
    assert r.expiry == T("2027-02-28") and r.cap == T("2044-02-29")


def test_not_yet_due():
    r = lim(as_of="2023-01-01")
    assert r.status == "running" and r.expiry == T("2026-03-31")
    assert "Not yet due" in r.steps.iloc[-1]["explanation"]


# -- limitation: interruptions ---------------------------------------------------------------------
def test_demand_restarts_three_years_from_delivery():
    r = lim([("2025-01-10", "demand")], as_of="2026-06-30")
    assert r.runs_from == T("2025-01-10") and r.expiry == T("2028-01-10") and r.status == "running"
    step = r.steps.iloc[1]
    assert step["effect"] == "interrupted, restarts" and "art. 8" in step["article"]
    # the same answer as the vectorised limitation_expiry used by the risk grades
    quick = limitation_expiry(pd.Series([T(DUE)]), last_demand=pd.Series([T("2025-01-10")]))
    assert quick.loc[0, "expiry"] == r.expiry


@pytest.mark.parametrize("kind", ["partial_payment", "instalment_promise", "repayment_plan", "acknowledgement"])
def test_agreeing_to_pay_restarts(kind):
    r = lim([("2024-05-20", kind)])
    assert r.expiry == T("2027-05-20") and "art. 14" in r.steps.iloc[1]["article"]


def test_event_on_the_due_date_changes_nothing():
    r = lim([(DUE, "demand")])
    assert r.expiry == T("2026-03-31")
    assert "due date itself" in r.steps.iloc[1]["explanation"]


def test_event_before_the_due_date_has_no_effect():
    r = lim([("2023-03-30", "acknowledgement")])
    assert r.expiry == T("2026-03-31")
    assert r.steps.iloc[1]["effect"] == "no effect" and "before the due date" in r.steps.iloc[1]["explanation"]


def test_event_after_as_of_is_ignored_but_event_on_as_of_counts():
    after = lim([("2026-02-01", "demand")], as_of="2026-01-31")
    assert after.expiry == T("2026-03-31") and after.steps.iloc[1]["effect"] == "ignored"
    on = lim([("2026-01-31", "demand")], as_of="2026-01-31")
    assert on.expiry == T("2029-01-31") and on.status == "running"


def test_event_on_the_expiry_day_interrupts_the_day_after_does_not():
    assert lim([("2026-03-31", "demand")], as_of="2026-06-30").expiry == T("2029-03-31")
    late = lim([("2026-04-01", "demand")], as_of="2026-06-30")
    assert late.expiry == T("2026-03-31") and late.status == "expired"
    assert late.steps.iloc[1]["effect"] == "no effect" and "art. 192" in late.steps.iloc[1]["article"]


def test_agreement_after_expiry_is_binding_and_restarts_three_years():
    r = lim([("2026-05-01", "acknowledgement")], as_of="2026-06-30")
    assert r.status == "running" and r.runs_from == T("2026-05-01") and r.expiry == T("2029-05-01")
    assert r.binding_agreement == T("2026-05-01")
    assert r.steps.iloc[1]["effect"] == "binding: no limitation defence, restarts"
    assert "can no longer rely on the expiry" in r.steps.iloc[-1]["explanation"]


# -- one rule: the explained walk and the vectorised ledger view agree, row by row --------------------
# (due date, events, as-of, expected expiry or None while suspended, status, article that decides)
RULE_TABLE = [
    # art. 188: three years from the due date
    ("2023-03-31", [], "2026-01-31", "2026-03-31", "warning", "art. 188"),
    # art. 195 + SPC art. 8: a demand delivered inside the period restarts it in full
    ("2023-03-31", [("2025-01-10", "demand")], "2026-06-30", "2028-01-10", "running", "art. 195"),
    # art. 195: a demand before the due date interrupts nothing
    ("2023-03-31", [("2023-03-01", "demand")], "2026-06-30", "2026-03-31", "expired", "art. 195"),
    # art. 192: a demand after expiry revives nothing
    ("2023-03-31", [("2026-04-01", "demand")], "2026-06-30", "2026-03-31", "expired", "art. 192"),
    # art. 195 + SPC art. 14: an acknowledgement inside the period restarts it
    ("2023-03-31", [("2025-06-30", "acknowledgement")], "2026-06-30", "2028-06-30", "running", "art. 195"),
    # art. 192: an acknowledgement after expiry binds; the course restarts three years from it
    ("2023-03-31", [("2026-05-01", "acknowledgement")], "2026-06-30", "2029-05-01", "running", "art. 192"),
    # art. 192 + art. 188: ... but never past the 20-year cap
    ("2003-01-01", [("2024-05-01", "acknowledgement")], "2024-06-30", "2006-01-01", "expired", "art. 188"),
    # SPC art. 14: a partial payment inside the period is agreeing to pay
    ("2023-03-31", [("2024-09-30", "partial_payment")], "2026-06-30", "2027-09-30", "running", "art. 195"),
    # art. 192: a partial payment after expiry cannot be reclaimed but revives nothing
    ("2023-03-31", [("2026-05-01", "partial_payment")], "2026-06-30", "2026-03-31", "expired", "art. 192"),
    # a chain: each interruption inside the period it interrupts
    ("2020-01-15", [("2022-06-01", "partial_payment"), ("2025-03-01", "partial_payment")], "2026-06-30",
     "2028-03-01", "running", "art. 195"),
    # art. 195 + SPC art. 10: a suit interrupts; the period restarts when it ends
    ("2023-03-31", [("2025-06-01", "suit", "2026-02-15")], "2026-06-30", "2029-02-15", "running", "art. 195"),
    ("2023-03-31", [("2025-06-01", "suit")], "2026-06-30", None, "suspended", "art. 195"),
    # art. 194: an obstacle in the last six months suspends: ends six months after the obstacle
    ("2023-03-31", [("2025-12-01", "obstacle", "2026-02-10")], "2026-06-30", "2026-08-10", "warning", "art. 194"),
    # art. 194: an obstacle that ends before the last six months changes nothing
    ("2023-03-31", [("2025-03-01", "obstacle", "2025-09-30")], "2026-06-30", "2026-03-31", "expired", "art. 194"),
    # art. 194: still under way in the last six months
    ("2023-03-31", [("2025-12-01", "obstacle")], "2026-01-31", None, "suspended", "art. 194"),
    # art. 188: twenty-year cap holds back a restart
    ("2006-01-01", [("2008-06-01", "acknowledgement"), ("2011-05-01", "acknowledgement"), ("2014-04-01", "demand"),
                    ("2017-03-01", "demand"), ("2020-02-01", "demand"), ("2023-01-01", "demand"),
                    ("2025-06-01", "demand")], "2025-12-31", "2026-01-01", "warning", "art. 188"),
]
_VECTOR_CAUSE = {"demand": "last_demand", "acknowledgement": "last_acknowledgement", "partial_payment": "last_payment"}


@pytest.mark.parametrize("due,events,as_of,expiry,status,article", RULE_TABLE)
def test_one_limitation_rule(due, events, as_of, expiry, status, article):
    r = limitation(due, events, as_of=as_of, lang="en")
    assert r.status == status
    assert r.expiry == (None if expiry is None else T(expiry))
    number = article.split()[-1]
    assert any(re.search(rf"\barts?\. (\d+, )*{number}\b", a) for a in r.steps["article"]), list(r.steps["article"])
    if all(len(e) == 2 and e[1] in _VECTOR_CAUSE for e in events) and len({e[1] for e in events}) == len(events):
        # the ledger's vectorised view gives the very same date
        cols = {_VECTOR_CAUSE[kind]: pd.Series([T(when)]) for when, kind in events}
        assert limitation_expiry(pd.Series([T(due)]), **cols).loc[0, "expiry"] == r.expiry


def test_vectorised_view_follows_a_chain_of_payments():
    from coursekit.legal import _run_events

    due = np.array(["2020-01-15"], dtype="datetime64[D]")
    when = np.array(["2025-03-01", "2022-06-01"], dtype="datetime64[D]")
    runs_from, expiry, cause = _run_events(due, [0, 0], when, [1, 1])
    assert expiry[0] == np.datetime64("2028-03-01") and cause[0] == 1
    # the last payment alone is after the original expiry and would revive nothing
    assert limitation_expiry(pd.Series([T("2020-01-15")]), last_payment=pd.Series([T("2025-03-01")])).loc[0, "expiry"] \
        == T("2023-01-15")


def test_partial_payment_after_expiry_is_not_an_agreement_to_pay_the_rest():
    r = lim([("2026-05-01", "partial_payment")], as_of="2026-06-30")
    assert r.status == "expired" and r.binding_agreement is None
    assert "cannot reclaim" in r.steps.iloc[1]["explanation"]


def test_several_interruptions_count_from_the_last():
    r = lim([("2024-01-05", "demand"), ("2025-11-30", "partial_payment"), ("2025-02-01", "acknowledgement")])
    assert r.expiry == T("2028-11-30")
    assert list(r.steps["date"].iloc[1:4]) == [T("2024-01-05"), T("2025-02-01"), T("2025-11-30")]


# -- limitation: proceedings ---------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["suit", "arbitration", "payment_order", "bankruptcy_claim",
                                  "pre_suit_preservation", "enforcement"])
def test_pending_proceedings_suspend(kind):
    r = lim([("2025-06-01", kind)], as_of="2026-06-30")
    assert r.status == "suspended" and r.runs_from is None and r.expiry is None and r.days_left is None
    assert r.steps.iloc[1]["effect"] == "interrupted (proceedings)"


def test_proceedings_restart_from_their_end():
    r = lim([("2025-06-01", "suit", "2026-02-15")], as_of="2026-06-30")
    assert r.status == "running" and r.runs_from == T("2026-02-15") and r.expiry == T("2029-02-15")
    assert list(r.steps["effect"]) == ["starts", "interrupted (proceedings)", "proceedings ended, restarts", "running"]
    assert r.steps.iloc[1]["article"].endswith("art. 10")


def test_proceedings_ending_after_as_of_are_still_pending():
    r = lim([("2025-06-01", "arbitration", "2026-07-01")], as_of="2026-06-30")
    assert r.status == "suspended" and "had not ended" in r.steps.iloc[1]["explanation"]
    assert lim([("2025-06-01", "arbitration", "2026-06-30")], as_of="2026-06-30").expiry == T("2029-06-30")


def test_events_during_proceedings_change_nothing_and_overlaps_wait_for_the_last_end():
    r = lim([("2024-01-10", "suit", "2025-01-10"), ("2024-06-01", "demand"),
             ("2024-12-01", "enforcement", "2025-09-30")], as_of="2026-06-30")
    assert r.expiry == T("2028-09-30")
    effects = list(r.steps["effect"])
    assert effects[2] == "no effect"                                  # the demand, during the suit
    assert effects[4] == "no effect"                                  # the suit ends, enforcement still open
    assert effects[5] == "proceedings ended, restarts"


def test_events_as_a_dataframe():
    ev = pd.DataFrame({"date": ["2024-01-10", "2025-03-01"], "kind": ["suit", "demand"],
                       "end": ["2024-08-01", None]})
    assert lim(ev, as_of="2026-06-30").expiry == T("2028-03-01")


def test_twenty_year_cap_holds_back_restarts():
    events = [("2008-06-01", "acknowledgement"), ("2011-05-01", "acknowledgement"), ("2014-04-01", "demand"),
              ("2017-03-01", "demand"), ("2020-02-01", "demand"), ("2023-01-01", "demand"),
              ("2025-06-01", "demand")]
    r = limitation("2006-01-01", events, as_of="2026-01-01", lang="en")
    assert r.cap == T("2026-01-01") and r.expiry == T("2026-01-01") and r.status == "warning" and r.days_left == 0
    assert "20-year cap" in r.steps.iloc[-2]["explanation"]
    assert limitation("2006-01-01", events, as_of="2026-01-02").status == "expired"


# -- limitation: input and language ---------------------------------------------------------------------
def test_unknown_kind_lists_the_valid_kinds():
    with pytest.raises(ValueError) as err:
        lim([("2025-01-01", "phone_call")])
    for kind in EVENT_KINDS:
        assert kind in str(err.value)


@pytest.mark.parametrize("events,match", [
    ([("2025-01-01", "demand", "2025-02-01")], "end date"),
    ([("2025-01-01", "suit", "2024-12-31")], "before they start"),
    ([("not a date", "demand")], "cannot read"),
    ([("2025-01-01",)], "must be"),
    (["2025-01-01"], "must be"),
    ("demand", "list of"),
])
def test_bad_events(events, match):
    with pytest.raises(ValueError, match=match):
        lim(events)


def test_bad_dates_and_lang():
    with pytest.raises(ValueError):
        limitation("31/31/2023", as_of="2026-01-01")
    with pytest.raises(ValueError):
        limitation(20230331, as_of="2026-01-01")
    with pytest.raises(ValueError, match="lang"):
        limitation(DUE, as_of="2026-01-01", lang="fr")


def test_chinese_steps():
    r = limitation(DUE, [("2025-01-10", "demand")], as_of="2026-06-30")
    assert r.steps.loc[0, "article"] == "民法典第188条、第201条、第203条"
    assert r.steps.loc[1, "article"] == "民法典第195条；法释〔2008〕11号第8条"
    assert r.steps.loc[1, "effect"] == "中断，重新计算" and "2028-01-10" in r.steps.loc[1, "explanation"]
    assert r.steps.iloc[-1]["effect"] == "进行中"


def test_as_of_defaults_to_today():
    assert limitation(DUE).as_of == pd.Timestamp.today().normalize()


# -- limitation: properties --------------------------------------------------------------------------
KINDS = st.sampled_from([k for k in EVENT_KINDS if k != "obstacle"])  # obstacles: see RULE_TABLE
PROCEEDINGS = {"suit", "arbitration", "payment_order", "bankruptcy_claim", "pre_suit_preservation", "enforcement"}


@st.composite
def an_event(draw):
    kind = draw(KINDS)
    start = draw(st.integers(-200, 8000))
    if kind in PROCEEDINGS and draw(st.booleans()):
        return (start, kind, start + draw(st.integers(0, 1500)))
    return (start, kind)


def _dated(due, events):
    out = []
    for e in events:
        row = [due + pd.Timedelta(days=e[0]), e[1]]
        if len(e) == 3:
            row.append(due + pd.Timedelta(days=e[2]))
        out.append(tuple(row))
    return out


def _horizon(r):
    """Pending proceedings (no expiry yet) rank after any expiry date."""
    return (1, pd.Timestamp(0)) if r.status == "suspended" else (0, r.expiry)


@settings(max_examples=300, deadline=None)
@given(st.lists(an_event(), max_size=6), an_event(), st.integers(0, 9000),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
def test_more_interruptions_never_shorten_the_period(events, extra, as_of_offset, due):
    due = T(due)
    as_of = due + pd.Timedelta(days=as_of_offset)
    base = limitation(due, _dated(due, events), as_of=as_of)
    more = limitation(due, _dated(due, events + [extra]), as_of=as_of)
    assert _horizon(more) >= _horizon(base)
    for r in (base, more):
        if r.expiry is not None:
            assert due + pd.DateOffset(years=3) <= r.expiry <= r.cap
        assert r.status in ("running", "warning", "expired", "suspended")


# -- late-payment damages -----------------------------------------------------------------------------
def test_agreed_rate():
    d = late_payment_damages(50_000, "2025-03-31", "2025-04-30", rate=0.12, lang="en")
    assert d["days_overdue"] == 30 and d["breach_date"] == T("2025-04-01")
    assert d["damages_low"] == d["damages_high"] == 493.15         # 50,000 × 12% × 30 / 365 = 493.1507
    assert "art. 585" in d["basis"]


def test_lpr_plus_30_to_50_percent():
    d = late_payment_damages(100_000, "2025-03-31", "2025-06-29", lpr=0.031)
    assert d["days_overdue"] == 90
    assert (d["rate_low"], d["rate_high"]) == (0.0403, 0.0465)
    assert (d["damages_low"], d["damages_high"]) == (993.70, 1146.58)   # 4,030 and 4,650 a year × 90/365
    assert "法释〔2020〕17号第18条" in d["basis"]
    one = late_payment_damages(100_000, "2025-03-31", "2025-06-29", lpr=0.031, uplift=0.4)
    assert one["damages_low"] == one["damages_high"] == 1070.14        # 4,340 × 90 / 365 = 1070.137


def test_half_up_rounding_and_day_basis():
    # 182.50 × 1% × 1 / 365 = 0.005 exactly: half-up gives 0.01 (banker's rounding would give 0.00)
    assert late_payment_damages(182.5, "2025-01-01", "2025-01-02", rate=0.01)["damages_low"] == 0.01
    d = late_payment_damages(36_000, "2025-01-01", "2025-01-31", rate=0.1, day_basis=360)
    assert d["damages_low"] == 300.0 and d["day_basis"] == 360


@pytest.mark.parametrize("due,ok", [("2019-08-19", True), ("2019-08-18", False)])
def test_lpr_rule_starts_with_breaches_on_2019_08_20(due, ok):
    if ok:
        d = late_payment_damages(10_000, due, "2019-09-18", lpr=0.0425)
        assert d["breach_date"] == T("2019-08-20") and d["days_overdue"] == 30
    else:
        with pytest.raises(ValueError, match="2019-08-20"):
            late_payment_damages(10_000, due, "2019-09-18", lpr=0.0425)
        # an agreed rate does not depend on that date
        assert late_payment_damages(10_000, due, "2019-09-18", rate=0.1)["days_overdue"] == 31


@pytest.mark.parametrize("paid", ["2025-03-31", "2025-03-01"])
def test_paid_on_time_owes_nothing(paid):
    d = late_payment_damages(10_000, "2025-03-31", paid, lpr=0.031)
    assert d["days_overdue"] == 0 and d["damages_low"] == d["damages_high"] == 0 and d["breach_date"] is None


@pytest.mark.parametrize("kw,match", [
    ({}, "either"), ({"rate": 0.1, "lpr": 0.03}, "either"),
    ({"lpr": 3.45}, "fraction"), ({"lpr": 0}, "above 0"), ({"rate": 12}, "fraction"), ({"rate": -0.1}, "rate"),
    ({"lpr": 0.03, "uplift": 0.6}, "30%-50%"), ({"lpr": 0.03, "uplift": (0.5, 0.3)}, "low <= high"),
    ({"lpr": 0.03, "uplift": (0.3, 0.4, 0.5)}, "pair"), ({"rate": 0.1, "day_basis": 300}, "day_basis"),
    ({"rate": float("nan")}, "finite"), ({"rate": "10%"}, "number"),
])
def test_damages_bad_input(kw, match):
    with pytest.raises(ValueError, match=match):
        late_payment_damages(10_000, "2025-01-01", "2025-03-01", **kw)


def test_damages_bad_amount_and_dates():
    with pytest.raises(ValueError, match="amount"):
        late_payment_damages(-1, "2025-01-01", "2025-03-01", rate=0.1)
    with pytest.raises(ValueError, match="paid_date"):
        late_payment_damages(1, "2025-01-01", None, rate=0.1)


# -- SME regulation ---------------------------------------------------------------------------------------
def test_sme_default_daily_rate():
    d = sme_overdue_interest(200_000, "2025-07-31", "2025-09-29", lang="en")
    assert d["days_overdue"] == 60 and d["interest"] == 6000.0   # 200,000 × 0.05% × 60
    assert "art. 17" in d["basis"] and "LPR" in d["basis"] and d["note"] is None
    assert sme_overdue_interest(1_000, "2025-07-31", "2025-08-01", daily_rate=0.0003)["interest"] == 0.3


@pytest.mark.parametrize("due,noted", [("2025-05-30", True), ("2025-05-31", False)])
def test_sme_note_when_the_delay_began_before_the_regulation(due, noted):
    d = sme_overdue_interest(10_000, due, "2025-07-01")
    assert (d["note"] is not None) == noted


def test_sme_on_time_and_bad_rate():
    assert sme_overdue_interest(10_000, "2025-07-31", "2025-07-31")["interest"] == 0
    with pytest.raises(ValueError, match="daily_rate"):
        sme_overdue_interest(10_000, "2025-07-31", "2025-08-31", daily_rate=0.05)


# -- payment order ------------------------------------------------------------------------------------------
def test_payment_order_windows_with_assumed_service():
    t = payment_order_timeline("2026-03-01", lang="en")
    assert list(t.columns) == ["date", "step", "article", "note"]
    assert list(t["date"]) == [T("2026-03-01"), T("2026-03-06"), T("2026-03-21"), T("2026-03-21"),
                               T("2026-04-05"), T("2026-04-06")]
    assert [a.split("art")[-1] for a in t["article"]] == [". 225", ". 226", ". 227", ". 227", "s. 227 and 228",
                                                          ". 227"]
    assert "assumed" in t.loc[3, "note"]


def test_payment_order_with_real_service_date():
    t = payment_order_timeline("2026-01-30", served_on="2026-02-10")
    assert t.loc[1, "date"] == T("2026-02-04")                      # 5 days, the filing day not counted
    assert t.loc[2, "date"] == T("2026-02-19")                      # 15 days after the latest acceptance
    assert t.loc[4, "date"] - t.loc[3, "date"] == pd.Timedelta(days=15)
    assert t.loc[4, "date"] == T("2026-02-25") and t.loc[5, "date"] == T("2026-02-26")
    assert t.loc[3, "note"] == "实际送达日期。" and t.loc[0, "article"] == "民事诉讼法第225条"


def test_payment_order_bad_service_date():
    with pytest.raises(ValueError, match="before the application"):
        payment_order_timeline("2026-03-01", served_on="2026-02-28")
    with pytest.raises(ValueError):
        payment_order_timeline("someday")


_DAY = st.integers(-100, 4000)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
       st.one_of(st.none(), _DAY), st.one_of(st.none(), _DAY), st.one_of(st.none(), _DAY))
def test_the_ledger_view_and_the_explained_walk_never_disagree(due, pay, demand, ack):
    due = T(due)
    when = {k: (None if v is None else due + pd.Timedelta(days=v))
            for k, v in (("partial_payment", pay), ("demand", demand), ("acknowledgement", ack))}
    as_of = max([due] + [d for d in when.values() if d is not None])
    walk = limitation(due, [(d, k) for k, d in when.items() if d is not None], as_of=as_of)
    quick = limitation_expiry(pd.Series([due]), **{col: pd.Series([when[k]], dtype="datetime64[s]")
                                                   for k, col in _VECTOR_CAUSE.items()})
    assert quick.loc[0, "expiry"] == walk.expiry


def test_overlapping_obstacles_each_end_on_their_own_day():
    # a long obstacle from 2025-09-01 to 2026-03-01 and a short one inside it, 2025-12-01 to 2026-01-15:
    # the period (to 2026-03-31) ends six months after the long one ends
    r = lim([("2025-09-01", "obstacle", "2026-03-01"), ("2025-12-01", "obstacle", "2026-01-15")], as_of="2026-06-30")
    assert r.expiry == T("2026-09-01") and r.status == "warning"
    assert list(r.steps["effect"]).count("suspended (art. 194)") == 2


def test_an_obstacle_under_way_in_the_last_six_months_is_named_as_such():
    r = lim([("2025-12-01", "obstacle")], as_of="2026-01-31")
    assert r.status == "suspended" and r.expiry is None and r.runs_from == T(DUE)
    assert r.steps.iloc[-1]["effect"] == "suspended (art. 194 obstacle)" and r.steps.iloc[-1]["article"] == "Civil Code art. 194"
    # before the last six months begin it changes nothing yet
    early = lim([("2025-01-10", "obstacle")], as_of="2025-06-30")
    assert early.status == "running" and early.expiry == T("2026-03-31")
