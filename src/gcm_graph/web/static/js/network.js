// Draws every element with a data-network attribute as a Cytoscape.js graph from /network.json.
// Progressive enhancement: the page already has the same data as a table; filters resubmit the form
// without a reload when JavaScript is on.
(function () {
  "use strict";
  var PALETTE = ["#2f6690", "#c05746", "#3a7d44", "#8c5e9e", "#b8860b", "#2a9d8f", "#6d597a",
                 "#e76f51", "#457b9d", "#7f8c3a"];

  function styleSheet() {
    return [
      { selector: "node", style: {
          "label": "data(label)", "font-size": 10, "color": "#1d2733", "text-valign": "bottom",
          "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 120,
          "font-family": "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
          "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
          "border-width": 1, "border-color": "#ffffff" } },
      { selector: "node[kind = 'objective']", style: {
          "shape": "round-rectangle", "background-color": "#1d3557", "color": "#1d3557",
          "font-weight": "bold" } },
      { selector: "edge", style: {
          "width": "mapData(weight, 1, 10, 1, 6)", "line-color": "#b9c4cf", "curve-style": "haystack",
          "opacity": 0.8 } },
      { selector: "node:selected, node.hover", style: { "border-width": 3, "border-color": "#f4a261",
          "label": "data(name)", "z-index": 10, "text-background-color": "#ffffff",
          "text-background-opacity": 0.9, "text-background-padding": 2 } }
    ];
  }

  function toElements(json, lang) {
    var nodeCount = json.elements.filter(function (el) { return el.group === "nodes"; }).length;
    var labelAll = nodeCount <= 40;  // small networks (one objective, a filter) name every actor
    return json.elements.map(function (el) {
      if (el.group === "nodes") {
        var d = el.data;
        d.name = (lang === "zh" ? d.zh : d.en) || d.en || d.zh;
        // objectives by number; actors by name when well connected, the rest on hover or selection
        d.label = d.kind === "objective" ? String(d.id.split("/").pop()) : (labelAll || d.degree >= 3 ? d.name : "");
        d.size = 14 + 6 * Math.sqrt(d.degree);
        d.colour = PALETTE[d.community % PALETTE.length];
      }
      return el;
    });
  }

  function draw(container) {
    var url = container.getAttribute("data-network");
    var lang = container.getAttribute("data-lang") || "en";
    var status = document.getElementById("cy-status");
    return fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (json) {
        if (container._cy) { container._cy.destroy(); }
        var cy = cytoscape({
          container: container, elements: toElements(json, lang), style: styleSheet(),
          layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 400000, idealEdgeLength: 60,
                    nodeOverlap: 20, gravity: 60, numIter: 1500 },
          wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3
        });
        container._cy = cy;
        container.setAttribute("data-nodes", String(cy.nodes().length));
        container.setAttribute("data-edges", String(cy.edges().length));
        var summary = (container.getAttribute("data-status") || "{nodes} / {edges}")
          .replace("{nodes}", String(cy.nodes().length)).replace("{edges}", String(cy.edges().length));
        container.setAttribute("aria-label", summary);
        if (status) { status.textContent = summary; }
        cy.on("tap", "node", function (event) {
          var id = event.target.id();
          if (id.indexOf("https://w3id.org/gcm/id/") === 0) {
            window.location.href = "/page/" + id.substring("https://w3id.org/gcm/id/".length);
          }
        });
        cy.on("mouseover", "node", function (event) { event.target.addClass("hover"); });
        cy.on("mouseout", "node", function (event) { event.target.removeClass("hover"); });
      })
      .catch(function (error) { if (status) { status.textContent = String(error); } });
  }

  function enhanceFilters(form, container) {
    form.addEventListener("change", function () {
      var params = new URLSearchParams(new FormData(form));
      Array.from(params.keys()).forEach(function (k) { if (!params.get(k)) { params.delete(k); } });
      var base = container.getAttribute("data-network").split("?")[0];
      container.setAttribute("data-network", base + (params.toString() ? "?" + params.toString() : ""));
      history.replaceState(null, "", form.getAttribute("action") + "?" + params.toString());
      draw(container);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof cytoscape !== "function") { return; }
    document.querySelectorAll("[data-network]").forEach(function (container) {
      draw(container);
      var form = document.getElementById("network-filters");
      if (form && container.id === "cy") { enhanceFilters(form, container); }
    });
  });
})();
