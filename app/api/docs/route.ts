import { scalarBundle } from "./scalar-bundle";

/**
 * Scalar's options: everything it would fetch from the internet is off (fonts, telemetry, its request proxy, its
 * assistant), so the page works offline and sends nothing about the reader anywhere.
 */
const configuration = {
  url: "/api/v1/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  hideDownloadButton: false,
  showDeveloperTools: "never",
  defaultOpenAllTags: false,
  metaData: { title: "API Encaisse — documentation" },
};

const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The interactive reference of `/api/v1`, public like the document it reads. Its scripts carry the nonce the
 * proxy put in this response's Content-Security-Policy.
 */
export async function GET(request: Request) {
  const nonce = escapeAttribute(request.headers.get("x-nonce") ?? "");
  const { version } = await scalarBundle();
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API Encaisse — documentation</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<style>body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; } noscript p { padding: 2rem; }</style>
</head>
<body>
<noscript><p>La documentation interactive demande JavaScript. Le document OpenAPI brut est à <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></noscript>
<div id="app"></div>
<script nonce="${nonce}" src="/api/docs/scalar.js?v=${version}"></script>
<script nonce="${nonce}">Scalar.createApiReference("#app", ${JSON.stringify(configuration).replace(/</g, "\\u003c")});</script>
</body>
</html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
