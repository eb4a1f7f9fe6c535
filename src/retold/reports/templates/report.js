/* retold report: link partner sentences, step through changes. Inlined; no network. */
(function () {
  "use strict";
  var doc = document;
  function all(sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); }
  function byId(id) { return doc.getElementById(id); }
  function ids(value) { return value ? value.split(" ").filter(Boolean) : []; }
  function clear(cls) { all("." + cls).forEach(function (el) { el.classList.remove(cls); }); }
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  var items = all(".chg-item");
  var total = items.length;
  var current = 0; /* number of the selected change, 0 = none */
  var pinned = null; /* a sentence pinned by a click */
  var status = byId("chg-status");

  /* --- partner sentences: hover lights up, click pins --------------------------------- */
  function partnersOf(sent) { return ids(sent.getAttribute("data-partners")).map(byId).filter(Boolean); }

  function clearSelection() {
    ["is-current", "is-partner", "is-active"].forEach(clear);
    pinned = null;
  }

  function pinSentence(sent) {
    var same = pinned === sent;
    clearSelection();
    current = 0;
    if (same) { setStatus(""); return; }
    pinned = sent;
    sent.classList.add("is-current");
    partnersOf(sent).forEach(function (p) { p.classList.add("is-partner"); });
    var n = partnersOf(sent).length;
    setStatus(n ? "Sentence linked to " + n + " partner" + (n === 1 ? "" : "s") + " (highlighted in blue)."
                : sent.getAttribute("title") || "This sentence has no partner.");
  }

  all(".sent[data-partners]").forEach(function (sent) {
    sent.addEventListener("mouseenter", function () {
      sent.classList.add("is-hover");
      partnersOf(sent).forEach(function (p) { p.classList.add("is-partner-hover"); });
    });
    sent.addEventListener("mouseleave", function () { clear("is-hover"); clear("is-partner-hover"); });
  });
  all(".sent").forEach(function (sent) {
    sent.addEventListener("click", function (ev) {
      if (ev.target.closest("mark.chg") || ev.target.closest("a")) return;
      pinSentence(sent);
    });
  });

  /* --- changes ----------------------------------------------------------------------- */
  function setStatus(text) { if (status) status.textContent = text; }

  function select(n, fromSide, opts) {
    opts = opts || {};
    if (!total) return;
    n = ((n - 1 + total) % total) + 1;
    clearSelection();
    current = n;
    var item = byId("change-" + n);
    var marks = all('mark.chg[data-c~="' + n + '"]');
    marks.forEach(function (m) { m.classList.add("is-active"); });
    if (item) item.classList.add("is-active");
    var here = fromSide || "r";
    ["o", "r"].forEach(function (side) {
      ids(item && item.getAttribute("data-" + side)).forEach(function (id) {
        var s = byId(id);
        if (s) s.classList.add(side === here ? "is-current" : "is-partner");
      });
    });
    var detail = item ? item.querySelector(".detail") : null;
    var sev = item ? item.querySelector(".sev-badge") : null;
    var kind = item ? item.querySelector(".kind-badge") : null;
    setStatus("Change " + n + " of " + total + " \u00b7 " + (sev ? sev.textContent : "") + " \u00b7 " +
              (kind ? kind.textContent : "") + ": " + (detail ? detail.textContent : ""));
    if (opts.scroll !== false) {
      var target = byId("c" + n + "-" + here) || byId("c" + n + "-" + (here === "o" ? "r" : "o")) || item;
      var mark = target && target.classList.contains("anchor") ? target.nextElementSibling : target;
      if (mark && mark.scrollIntoView) mark.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
      if (opts.focus && mark && mark.focus) mark.focus({ preventScroll: true });
    }
  }

  all("mark.chg[data-c]").forEach(function (m) {
    var n = parseInt(ids(m.getAttribute("data-c"))[0], 10);
    var side = m.closest(".sent") ? m.closest(".sent").getAttribute("data-side") : "r";
    m.addEventListener("click", function (ev) { ev.stopPropagation(); select(n, side, { scroll: false }); });
    m.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(n, side, { scroll: false }); }
    });
    m.addEventListener("focus", function () { if (current !== n) select(n, side, { scroll: false }); });
  });
  all(".chg-go").forEach(function (b) {
    b.addEventListener("click", function () { select(parseInt(b.getAttribute("data-c"), 10), "r", { focus: false }); });
  });
  var prev = byId("prev-change"), next = byId("next-change");
  if (prev) prev.addEventListener("click", function () { select(current ? current - 1 : total, "r"); });
  if (next) next.addEventListener("click", function () { select(current ? current + 1 : 1, "r"); });
  all("a.jump[data-jump]").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      var t = byId(a.getAttribute("data-jump"));
      if (!t) return;
      ev.preventDefault();
      t.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
      pinSentence(t);
    });
  });

  doc.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var tag = (ev.target && ev.target.tagName) || "";
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (ev.target && ev.target.isContentEditable)) return;
    if (ev.key === "j" || ev.key === "n") { ev.preventDefault(); select(current ? current + 1 : 1, "r", { focus: true }); }
    else if (ev.key === "k" || ev.key === "p") { ev.preventDefault(); select(current ? current - 1 : total, "r", { focus: true }); }
    else if (ev.key === "Escape") { clearSelection(); current = 0; setStatus(""); }
  });

  /* --- the embedded retold.comparison/1 JSON, for download ---------------------------- */
  var dl = byId("download-json");
  var data = byId("retold-data");
  if (dl && data && window.Blob && window.URL) {
    dl.addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(JSON.parse(data.textContent), null, 2)], { type: "application/json" });
      var a = doc.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "comparison.json";
      doc.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    });
  } else if (dl) {
    dl.hidden = true;
  }
})();
