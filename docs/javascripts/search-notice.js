// Says above the search results what the search worker's answer says of itself: that no section
// held every word of the query (`partial`), or that the index is of another version than the
// worker (`error`). The worker is the project's (assets/javascripts/workers/search-engine.js); its
// answers reach this page through Material's component observable, which passes each answer's
// fields on with the result list's element (tests/test_search_contract.py pins that).
(function () {
  "use strict";
  var config = document.getElementById("__config");
  if (!config || typeof window.component$ === "undefined") return;
  var words = JSON.parse(config.textContent).translations || {};

  function show(text) {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    var notice = document.querySelector(".search-notice");
    if (!notice) {
      notice = document.createElement("p");
      notice.className = "search-notice";
      notice.setAttribute("role", "status");
      meta.insertAdjacentElement("afterend", notice);
    }
    notice.textContent = text;
    notice.hidden = !text;
  }

  window.component$.subscribe(function (component) {
    var ref = component && component.ref;
    if (!ref || !ref.matches || !ref.matches("[data-md-component=search-result]") || !("items" in component)) return;
    show(component.error ? words["search.index.stale"] || "" : component.partial ? words["search.result.partial"] || "" : "");
  });
})();
