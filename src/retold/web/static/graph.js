/* retold derivation graph: hovering or focusing an article highlights its links. */
(function () {
  "use strict";
  var svg = document.getElementById("graph");
  if (!svg) return;
  function clear() {
    Array.prototype.forEach.call(svg.querySelectorAll(".hi"), function (el) { el.classList.remove("hi"); });
  }
  function light(id) {
    clear();
    Array.prototype.forEach.call(svg.querySelectorAll("path.edge"), function (p) {
      if (p.getAttribute("data-source") === id || p.getAttribute("data-target") === id) {
        p.classList.add("hi");
        [p.getAttribute("data-source"), p.getAttribute("data-target")].forEach(function (n) {
          Array.prototype.forEach.call(svg.querySelectorAll("a.node"), function (a) {
            if (a.getAttribute("data-id") === n) a.classList.add("hi");
          });
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
})();
