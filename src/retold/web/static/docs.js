/* /docs: Swagger UI (vendored swagger-ui-dist) over the app's own /openapi.json. A file, not an
   inline script, so the page's Content-Security-Policy can forbid inline scripts. */
(function () {
  "use strict";
  var el = document.getElementById("swagger-ui");
  if (!el || typeof SwaggerUIBundle !== "function") return;
  window.ui = SwaggerUIBundle({
    url: el.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,  // the default sends the schema to an outside validator
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false
  });
})();
