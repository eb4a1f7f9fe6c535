/* retold story graph: d3-dag (vendored) lays the story out in layers, left to right by time;
   this file draws it as SVG, with zoom and pan, and highlights an article's links.
   The server gives each article its layer (graph-data): a block of layers per day. */
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var box = document.getElementById("graph-box");
  var dataEl = document.getElementById("graph-data");
  var view = document.getElementById("graph-view");
  var status = document.getElementById("graph-status");
  if (!box || !dataEl || !view) return;
  if (typeof d3 === "undefined" || !d3.sugiyama) {
    status.textContent = "The graph library did not load; the table below has the same links.";
    return;
  }
  var data = JSON.parse(dataEl.textContent);
  var H = 20, R = 7, PAD = 18, GAP_X = 56, GAP_Y = 6, TOP = 12, MARGIN = 16;

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVGNS, name);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  var t0 = performance.now();
  var svg = el("svg", { "class": "graph", id: "graph", role: "img", "aria-labelledby": "graph-h graph-desc" });
  var defs = el("defs", {}, svg);
  var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerUnits: "userSpaceOnUse",
    markerWidth: "10", markerHeight: "10", orient: "auto-start-reverse" }, defs);
  el("path", { d: "M0,0 L10,5 L0,10 z", "class": "arrow-head" }, marker);
  var world = el("g", { "class": "world" }, svg);
  view.appendChild(svg);

  // 1. label widths, measured once in the page's own font
  var probe = el("g", { "class": "probe" }, world);
  var widths = {};
  var texts = data.nodes.map(function (n) {
    var t = el("text", { "class": "label" }, probe);
    t.textContent = n.label;
    return t;
  });
  data.nodes.forEach(function (n, i) { widths[n.id] = Math.ceil(texts[i].getComputedTextLength()); });
  world.removeChild(probe);
  function boxWidth(id) { return PAD + widths[id] + 4; }

  // 2. the layout: our layers (time), d3-dag's order within layers and coordinates
  var dag = d3.graphStratify().id(function (d) { return d.id; })
    .parentIds(function (d) { return d.parents; })(data.nodes);
  function layering(g) {
    var top = 0;
    for (var n of g.nodes()) { n.y = n.data.layer; if (n.y > top) top = n.y; }
    return top;
  }
  // start every column in outlet order; crossing reduction then moves articles only where it
  // pays, so the many retellings of one source stay grouped by outlet
  function outletOf(n) {
    var d = n.data;
    return d.role === "node" ? d.node.data.outlet : d.link.target.data.outlet;
  }
  function byOutlet(layers) {
    layers.forEach(function (layer) { layer.sort(function (a, b) { return outletOf(a) - outletOf(b); }); });
  }
  var layout = d3.sugiyama()
    .layering(layering)
    .decross(d3.decrossTwoLayer().inits([byOutlet]).passes(4))
    .coord(d3.coordGreedy())
    .nodeSize(function (n) { return [H, boxWidth(n.data.id)]; })
    .gap([GAP_Y, GAP_X]);
  var size;
  try {
    size = layout(dag);
  } catch (err) {
    status.textContent = "The graph could not be laid out (" + err.message + "); the table below has the same links.";
    return;
  }

  // layout x runs along a layer (drawn downwards), layout y across layers (drawn rightwards)
  var layerLeft = {}, layerRight = {};
  var pos = {};
  for (var n of dag.nodes()) {
    var w = boxWidth(n.data.id), L = n.data.layer;
    var left = n.y - w / 2;
    layerLeft[L] = Math.min(layerLeft[L] === undefined ? Infinity : layerLeft[L], left);
    layerRight[L] = Math.max(layerRight[L] === undefined ? -Infinity : layerRight[L], n.y + w / 2);
    pos[n.data.id] = { y: n.x + TOP, w: w };
  }
  // articles of a layer start at the layer's left edge, so their circles line up
  for (var m of dag.nodes()) {
    var p = pos[m.data.id];
    p.x = layerLeft[m.data.layer] + MARGIN;
  }
  var width = size.height + 2 * MARGIN, height = size.width + TOP + MARGIN;

  // 3. day bands behind everything; their dates in an axis that stays on top when panning
  var bands = el("g", { "class": "days" }, world);
  // the dates sit in a strip of their own above the view, so nothing drawn can run under them
  var axisSvg = el("svg", { "class": "graph graph-axis", width: "100%", height: 24, "aria-hidden": "true" });
  view.parentNode.insertBefore(axisSvg, view);
  var axis = el("g", { "class": "axis" }, axisSvg);
  var dayLabels = data.days.map(function (d, i) {
    var x1 = layerLeft[d.first] + MARGIN - GAP_X / 2 + 6, x2 = layerRight[d.last] + MARGIN + GAP_X / 2 - 6;
    el("rect", { x: x1, y: 0, width: Math.max(0, x2 - x1), height: height, "class": "day" + (i % 2 ? " odd" : "") }, bands);
    var label = el("text", { y: 17, "class": "day-label" }, axis);
    label.textContent = d.label;
    return { el: label, x1: x1, x2: x2 };
  });
  function placeDays() {
    // each date at the left of its band (or of the view, while the band is in view);
    // a date that would run into the next one is hidden
    var lastEnd = -Infinity;
    dayLabels.forEach(function (d, i) {
      var left = tx + d.x1 * k, right = tx + d.x2 * k;
      var x = Math.max(left, 4) + 4;
      var w = d.el.getComputedTextLength();
      var next = i + 1 < dayLabels.length ? tx + dayLabels[i + 1].x1 * k : Infinity;
      x = Math.min(x, right - w - 4);
      var fits = x >= lastEnd + 6 && x + w <= next - 2 && right > 0;
      d.el.setAttribute("x", x.toFixed(1));
      d.el.style.display = fits ? "" : "none";
      if (fits) lastEnd = x + w;
    });
  }

  // 4. links, then articles on top
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeInfo = {};
  data.edges.forEach(function (e) { edgeInfo[e.source + "\u0000" + e.target] = e; });
  var edges = el("g", { "class": "edges" }, world);
  for (var link of dag.links()) {
    var s = link.source.data.id, t = link.target.data.id, info = edgeInfo[s + "\u0000" + t];
    if (!info) continue;
    var ps = pos[s], pt = pos[t];
    var pts = [[ps.x + ps.w - 2, ps.y]];
    var inner = link.points.slice(1, -1);
    inner.forEach(function (q) { pts.push([q[1] + MARGIN, q[0] + TOP]); });
    pts.push([pt.x - 1, pt.y]);
    var d = "M" + pts[0][0].toFixed(1) + "," + pts[0][1].toFixed(1);
    for (var i = 1; i < pts.length; i++) {
      var a = pts[i - 1], b = pts[i], mid = (a[0] + b[0]) / 2;
      d += " C" + mid.toFixed(1) + "," + a[1].toFixed(1) + " " + mid.toFixed(1) + "," + b[1].toFixed(1) +
        " " + b[0].toFixed(1) + "," + b[1].toFixed(1);
    }
    var anchor = el("a", { href: info.href, "class": "edge-link", "data-source": s, "data-target": t }, edges);
    el("title", {}, anchor).textContent = info.title;
    el("path", { d: d, "class": "edge" + (info.decided ? "" : " undecided"), "stroke-width": info.width,
      "marker-end": "url(#arrow)", "data-source": s, "data-target": t }, anchor);
  }
  var nodes = el("g", { "class": "nodes" }, world);
  data.nodes.forEach(function (n) {
    var p = pos[n.id];
    var a = el("a", { href: n.href, "class": "node o" + (n.outlet % 12) + (n.root ? " root" : "") + (n.dated ? "" : " undated"),
      "data-id": n.id, "data-outlet": n.outlet, "data-layer": n.layer }, nodes);
    el("title", {}, a).textContent = n.title;
    el("rect", { x: p.x - 2, y: p.y - H / 2, width: p.w, height: H, rx: 4, "class": "hit" }, a);
    el("circle", { cx: p.x + R, cy: p.y, r: R }, a);
    var label = el("text", { x: p.x + PAD, y: p.y + 4, "class": "label" }, a);
    label.textContent = n.label;
  });

  // 5. zoom and pan: a transform on the world; Ctrl/⌘ + wheel, buttons, keys, drag
  var k = 1, tx = 0, ty = 0;
  var viewH = Math.max(260, Math.min(height + 4, Math.round(window.innerHeight * 0.72)));
  view.style.height = viewH + "px";
  svg.setAttribute("width", "100%");
  svg.setAttribute("height", viewH);
  function apply() {
    world.setAttribute("transform", "translate(" + tx.toFixed(1) + "," + ty.toFixed(1) + ") scale(" + k.toFixed(4) + ")");
    svg.setAttribute("data-scale", k.toFixed(4));
    placeDays();
  }
  function zoomAt(factor, cx, cy) {
    var nk = Math.max(0.08, Math.min(4, k * factor));
    tx = cx - (cx - tx) * (nk / k);
    ty = cy - (cy - ty) * (nk / k);
    k = nk;
    apply();
  }
  function fit() {
    var vw = view.clientWidth, vh = viewH;
    k = Math.min(1, vw / width, vh / height);
    tx = (vw - width * k) / 2;
    ty = (vh - height * k) / 2;
    apply();
  }
  function start() {
    var vw = view.clientWidth, fitK = Math.min(1, vw / width, viewH / height);
    if (fitK >= 0.5) { fit(); return; }
    // too big to read whole: start readable, at the earliest source
    k = 0.7;
    var root = data.nodes.filter(function (n) { return n.root; })[0] || data.nodes[0];
    var p = pos[root.id];
    tx = 12 - (p.x - MARGIN) * k;
    ty = viewH / 2 - p.y * k;
    apply();
  }
  box.querySelector(".graph-tools").addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-zoom]");
    if (!b) return;
    var z = b.getAttribute("data-zoom"), cx = view.clientWidth / 2, cy = viewH / 2;
    if (z === "in") zoomAt(1.25, cx, cy);
    else if (z === "out") zoomAt(0.8, cx, cy);
    else if (z === "fit") fit();
    else { zoomAt(1 / k, cx, cy); }
  });
  view.addEventListener("wheel", function (ev) {
    if (!(ev.ctrlKey || ev.metaKey)) return; // a plain wheel scrolls the page, as everywhere
    ev.preventDefault();
    var r = view.getBoundingClientRect();
    zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  var drag = null;
  view.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, tx: tx, ty: ty, moved: false, id: ev.pointerId };
  });
  view.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) { drag.moved = true; view.setPointerCapture(drag.id); view.classList.add("dragging"); }
    tx = drag.tx + dx; ty = drag.ty + dy;
    apply();
  });
  function endDrag() {
    if (drag && drag.moved) {
      view.classList.remove("dragging");
      // the click that ends a drag must not follow a link
      view.addEventListener("click", function stop(e) { e.preventDefault(); e.stopPropagation(); }, { capture: true, once: true });
    }
    drag = null;
  }
  view.addEventListener("pointerup", endDrag);
  view.addEventListener("pointercancel", endDrag);
  view.addEventListener("keydown", function (ev) {
    var step = 60, cx = view.clientWidth / 2, cy = viewH / 2;
    if (ev.key === "+" || ev.key === "=") zoomAt(1.25, cx, cy);
    else if (ev.key === "-") zoomAt(0.8, cx, cy);
    else if (ev.key === "0") fit();
    else if (ev.key === "ArrowLeft" && ev.target === view) tx += step;
    else if (ev.key === "ArrowRight" && ev.target === view) tx -= step;
    else if (ev.key === "ArrowUp" && ev.target === view) ty += step;
    else if (ev.key === "ArrowDown" && ev.target === view) ty -= step;
    else return;
    ev.preventDefault();
    apply();
  });

  // 6. hovering or focusing an article highlights its links; the key picks out an outlet
  function clear() {
    Array.prototype.forEach.call(svg.querySelectorAll(".hi"), function (e) { e.classList.remove("hi"); });
  }
  function light(id) {
    clear();
    Array.prototype.forEach.call(svg.querySelectorAll("path.edge"), function (p) {
      var s = p.getAttribute("data-source"), t = p.getAttribute("data-target");
      if (s === id || t === id) {
        p.classList.add("hi");
        [s, t].forEach(function (x) {
          var a = svg.querySelector('a.node[data-id="' + CSS.escape(x) + '"]');
          if (a) a.classList.add("hi");
        });
      }
    });
  }
  Array.prototype.forEach.call(svg.querySelectorAll("a.node"), function (a) {
    var id = a.getAttribute("data-id");
    a.addEventListener("mouseenter", function () { light(id); });
    a.addEventListener("focus", function () { light(id); });
    a.addEventListener("mouseleave", clear);
    a.addEventListener("blur", clear);
  });
  var key = document.getElementById("graph-key");
  if (key) key.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-outlet]");
    if (!b) return;
    var o = b.getAttribute("data-outlet"), on = b.getAttribute("aria-pressed") !== "true";
    Array.prototype.forEach.call(key.querySelectorAll("button"), function (x) { x.setAttribute("aria-pressed", "false"); });
    Array.prototype.forEach.call(svg.querySelectorAll("a.node.picked"), function (x) { x.classList.remove("picked"); });
    svg.classList.toggle("picking", on);
    if (on) {
      b.setAttribute("aria-pressed", "true");
      Array.prototype.forEach.call(svg.querySelectorAll('a.node[data-outlet="' + o + '"]'), function (x) { x.classList.add("picked"); });
    }
  });

  start();
  var ms = Math.round(performance.now() - t0);
  status.textContent = data.nodes.length + " articles laid out in " + (ms / 1000).toFixed(1) + " s";
  svg.setAttribute("data-ready", "1");
  svg.setAttribute("data-layout-ms", ms);
})();
