/* Small calculators on the course pages (blocks written by hooks/worked_numbers.py).
 * Plain JavaScript, no third-party code, nothing leaves the browser. The formulas are
 * the ones in coursekit (legal.late_payment_damages, legal.sme_overdue_interest,
 * worked.early_payment_discount, metrics.dso_standard, legal.limitation);
 * tests/test_calculators.py types values and checks the answers against coursekit. */
(function () {
  "use strict";
  var DAY = 86400000;

  function parseDate(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : null;
  }
  function fmtDate(t) {
    var d = new Date(t);
    function p(n) { return (n < 10 ? "0" : "") + n; }
    return d.getUTCFullYear() + "-" + p(d.getUTCMonth() + 1) + "-" + p(d.getUTCDate());
  }
  // Same-numbered day n months later; the month's last day when there is none (Civil Code art. 202).
  function addMonths(t, n) {
    var d = new Date(t), y = d.getUTCFullYear(), m = d.getUTCMonth() + n, day = d.getUTCDate();
    y += Math.floor(m / 12); m = ((m % 12) + 12) % 12;
    var last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return Date.UTC(y, m, Math.min(day, last));
  }
  // Round half up to the cent, after trimming binary noise (coursekit rounds exact decimals).
  function cents(x) { return Math.round(Number((x * 100).toPrecision(12))) / 100; }
  function money(x, lang) {
    var s = cents(x).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return lang === "zh" ? s + " 元" : "CNY " + s;
  }
  function num(form, name) {
    var el = form.querySelector('input[name="' + name + '"]');
    if (!el || el.value === "") return NaN;
    return Number(el.value);
  }
  function val(form, name) {
    var el = form.querySelector('input[name="' + name + '"]');
    return el ? el.value : "";
  }
  function daysLate(form) {
    var due = parseDate(val(form, "due")), paid = parseDate(val(form, "paid"));
    if (due === null || paid === null) return null;
    return { due: due, days: Math.max(Math.round((paid - due) / DAY), 0) };
  }
  var ERR = { zh: "请填写有效的数字和日期", en: "Enter valid numbers and dates" };
  var OLD = { zh: "2019年8月20日前开始的违约不适用LPR规则", en: "Breaches before 2019-08-20 do not use the LPR rule" };

  var CALC = {
    "late-damages": function (f, lang) {
      var a = num(f, "amount"), lpr = num(f, "lpr") / 100, d = daysLate(f);
      if (!(a >= 0) || !(lpr > 0) || !d) return null;
      if (d.days > 0 && d.due + DAY < Date.UTC(2019, 7, 20)) return { days: String(d.days), low: OLD[lang], high: "" };
      var base = a * d.days / 365;
      return { days: String(d.days), low: money(base * lpr * 1.3, lang), high: money(base * lpr * 1.5, lang) };
    },
    "sme-interest": function (f, lang) {
      var a = num(f, "amount"), d = daysLate(f);
      if (!(a >= 0) || !d) return null;
      return { days: String(d.days), interest: money(a * 0.0005 * d.days, lang) };
    },
    "discount": function (f) {
      var p = num(f, "pct") / 100, a = num(f, "discount_days"), b = num(f, "net_days");
      if (!(p >= 0 && p < 1) || !(b > a) || !(a >= 0)) return null;
      var r = p / (1 - p) * 365 / (b - a);
      return { annual: (Math.round(Number((r * 10000).toPrecision(12))) / 100).toFixed(2) + "%" };
    },
    "dso": function (f, lang) {
      var ar = num(f, "ar"), s = num(f, "sales"), d = num(f, "days");
      if (!(ar >= 0) || !(s > 0) || !(d > 0)) return null;
      return { dso: (ar / s * d).toFixed(1) + (lang === "zh" ? " 天" : " days") };
    },
    "limitation": function (f, lang) {
      // legal.limitation: a demand or confirmation on or before the expiry day restarts three years
      // (Civil Code art. 195); after expiry a demand does nothing, while a written agreement to pay
      // binds the debtor (art. 192) and, as coursekit decides, starts a new three years.
      var due = parseDate(val(f, "due"));
      if (due === null) return null;
      var cap = addMonths(due, 240), expiry = addMonths(due, 36), note = "", events = [];
      var d = parseDate(val(f, "demand")), a = parseDate(val(f, "ack"));
      if (d !== null) events.push([d, "demand"]);
      if (a !== null) events.push([a, "ack"]);
      events.sort(function (x, y) { return x[0] - y[0] || (x[1] === "demand" ? -1 : 1); });
      for (var i = 0; i < events.length; i++) {
        var t = events[i][0];
        if (t <= due) continue;
        if (t <= expiry || events[i][1] === "ack") {
          if (t > expiry) note = lang === "zh" ? "（届满后同意履行，不得反悔：《民法典》第192条）"
                                               : " (agreed after expiry: binding, Civil Code art. 192)";
          expiry = Math.min(addMonths(t, 36), cap);
        } else {
          note = lang === "zh" ? "（该催告发生在届满之后，不能中断时效）" : " (that demand came after expiry and cannot interrupt)";
        }
      }
      return { expiry: fmtDate(expiry) + note, warn: fmtDate(addMonths(expiry, -6)) };
    }
  };

  function update(block) {
    var fn = CALC[block.getAttribute("data-calc")], lang = block.getAttribute("data-lang") || "zh";
    if (!fn) return;
    var out = fn(block, lang), outs = block.querySelectorAll("output[data-out]");
    for (var i = 0; i < outs.length; i++) {
      var key = outs[i].getAttribute("data-out");
      outs[i].textContent = out ? (out[key] || "") : (i === 0 ? ERR[lang] : "");
    }
    block.setAttribute("data-ready", "1");
  }
  function init() {
    var blocks = document.querySelectorAll(".ck-calc");
    for (var i = 0; i < blocks.length; i++) {
      (function (b) {
        if (b.getAttribute("data-bound")) return;
        b.setAttribute("data-bound", "1");
        b.addEventListener("input", function () { update(b); });
        b.addEventListener("change", function () { update(b); });
        update(b);
      })(blocks[i]);
    }
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
