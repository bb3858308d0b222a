// The API's interactive docs: Swagger UI on /api/v1/openapi.json (the URL comes from the page,
// so no inline script is needed under the Content-Security-Policy).
(function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.specUrl,
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: false,
  });
})();
