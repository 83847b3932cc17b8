// Mounts YASGUI on #yasgui, pointed at our own endpoint, with one tab per named query of queries/
// (and, first, the query the page was asked for, if any).
// No request leaves the site: YASGUI's default endpoint and its outside prefix/autocomplete lookups
// are replaced or switched off.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("yasgui");
    if (!root || typeof Yasgui !== "function") { return; }
    var endpoint = new URL(root.getAttribute("data-endpoint"), window.location.href).href;
    var items = Array.from(document.querySelectorAll("#named-queries > li"));
    try { window.localStorage.removeItem("yagui__config"); } catch (e) { /* storage may be off */ }
    var yasgui = new Yasgui(root, {
      requestConfig: { endpoint: endpoint, method: "POST" },
      copyEndpointOnNewTab: true,
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
      persistenceId: null,
      populateFromUrl: false,
      yasqe: { resizeable: true, editorHeight: "320px", showQueryButton: true }
    });
    var first = yasgui.getTab();
    items.forEach(function (item, index) {
      var text = item.querySelector("pre.rq code").textContent;
      var name = item.getAttribute("data-title");
      if (index === 0 && !root.hasAttribute("data-query")) {
        first.setQuery(text);
        first.setName(name);
      } else {  // tabs other than the active one get their query as config: their editor is not drawn yet
        yasgui.addTab(false, { name: name, yasqe: { value: text } });
      }
    });
    if (root.hasAttribute("data-query")) {  // a query sent with the form or a shared link: it opens first
      first.setQuery(root.getAttribute("data-query"));
    }
    window.gcmYasgui = yasgui;
  });
})();
