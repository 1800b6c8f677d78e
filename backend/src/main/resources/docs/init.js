// Starts Swagger UI on the generated document; an external file so the page needs no inline script (CSP).
window.ui = SwaggerUIBundle({ url: "/api/openapi.yml", dom_id: "#swagger-ui", deepLinking: true });
