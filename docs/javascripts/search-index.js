// Each language has its own search index (search/search_index.json for Chinese,
// en/search/search_index.json for English), and it is downloaded only when the reader
// starts a search, not with every page. Material requests the index with XMLHttpRequest
// as soon as a page loads; this wraps that one request: it asks for the reader's
// language and waits until the search box is used (or a search result was followed).
// It also helps the worker segment Chinese queries, and points the sitemap's addresses at
// where the site is served, for instant navigation (see below).
(function () {
  var lang = document.documentElement.lang === "en" ? "en" : "zh";
  var wanted = /[?&]h=/.test(location.search), waiting = [];
  function want() {
    if (wanted) { return; }
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/(^|\/)sitemap\.xml$/.test(String(url))) { this.ckSitemap = new URL(String(url), location.href).href; }
    if (/\/search\/search_index\.json$/.test(String(url))) {
      this.ckSearchIndex = true;
      if (lang === "en") { args[1] = String(url).replace(/search\/search_index\.json$/, "en/search/search_index.json"); }
    }
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr.ckSitemap) { return here(xhr); }
    if (xhr.ckSearchIndex && !wanted) {
      waiting.push(function () { send.apply(xhr, args); });
      return;
    }
    return send.apply(xhr, args);
  };
  // Material navigates instantly (the page swapped in place, no reload) only to the addresses its
  // sitemap.xml lists, taken as written at build time (site_url) with only the protocol and host
  // name changed: served at another port or under a sub-path, no link matched and every click
  // reloaded the whole page. The addresses are pointed at where this copy of the site is served.
  function here(xhr) {
    var root = xhr.ckSitemap.replace(/sitemap\.xml$/, "");
    fetch(xhr.ckSitemap).then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); }).then(function (text) {
      var built = (text.match(/<loc>[^<]*<\/loc>/g) || []).map(function (l) { return l.slice(5, -6); })
        .sort(function (a, b) { return a.length - b.length; })[0];      // the home page: every address starts so
      if (built) { text = text.split("<loc>" + built).join("<loc>" + root); }
      Object.defineProperty(xhr, "status", { value: 200 });
      Object.defineProperty(xhr, "response", { value: new Blob([text], { type: "text/xml" }) });
      xhr.dispatchEvent(new Event("load"));
    }).catch(function () { xhr.dispatchEvent(new Event("error")); });
  }
  // Material's worker splits a Chinese query into the longest words of the index, but never
  // tries the whole run (诉讼时效 becomes 诉讼 + 时): a rare character appended to each run of
  // two or more Chinese characters lets it find the whole word. The character is in no page.
  var NativeWorker = window.Worker;
  if (NativeWorker) {
    var Wrapped = function (url, options) {
      var worker = options === undefined ? new NativeWorker(url) : new NativeWorker(url, options);
      if (/workers\/search/.test(String(url))) {
        var post = worker.postMessage;
        worker.postMessage = function (message) {
          if (message && message.type === 2 && typeof message.data === "string") {  // 2: a query
            arguments[0] = { type: 2, data: message.data.replace(/[\u3400-\u9fff]{2,}/g, "$&\u4db5") };
          }
          return post.apply(worker, arguments);
        };
      }
      return worker;
    };
    Wrapped.prototype = NativeWorker.prototype;
    window.Worker = Wrapped;
  }
  document.addEventListener("focusin", function (e) {
    if (e.target && e.target.matches && e.target.matches("input.md-search__input")) { want(); }
  });
  document.addEventListener("click", function (e) {
    if (e.target && e.target.closest && e.target.closest("label[for=__search], .md-search")) { want(); }
  });
  document.addEventListener("keydown", function (e) {
    if (["/", "s", "S", "f", "F"].indexOf(e.key) >= 0) { want(); }
  });
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search" && e.target.checked) { want(); }
  });
})();
