// Load the vendored mermaid (3.6 MB) only when a page has a diagram, and only once the
// diagram is about to scroll into view. Material draws diagrams with the global `mermaid`
// and would fetch it from a CDN when it is missing: this small stand-in takes its place,
// loads javascripts/mermaid.min.js from this site on the first render, then hands over.
(function () {
  var src = new URL("mermaid.min.js", document.currentScript.src).href;
  var config = null, loading = null;
  function visible() {
    return new Promise(function (resolve) {
      var blocks = document.querySelectorAll(".mermaid");
      if (!blocks.length || typeof IntersectionObserver === "undefined") { resolve(); return; }
      var io = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { io.disconnect(); resolve(); }
      }, { rootMargin: "0px" });
      blocks.forEach(function (b) { io.observe(b); });
    });
  }
  function load() {
    if (!loading) {
      loading = visible().then(function () {
        return new Promise(function (resolve, reject) {
          var s = document.createElement("script");
          s.src = src;
          s.onload = function () { resolve(window.mermaid); };
          s.onerror = function () { reject(new Error("could not load " + src)); };
          document.head.appendChild(s);
        });
      });
    }
    return loading;
  }
  window.mermaid = {
    initialize: function (c) { config = c; },
    render: function (id, text) {
      return load().then(function (real) {
        if (config) { real.initialize(config); }
        return real.render(id, text);
      });
    }
  };
})();
