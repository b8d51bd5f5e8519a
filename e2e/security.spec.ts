import http from "node:http";
import type { AddressInfo } from "node:net";
import { accounts, password, storageState } from "./helpers";
import { expect, test } from "./test";

test("every page carries the security headers, with a fresh script nonce each time", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const headers = first.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Served over plain HTTP here: HSTS only goes out over HTTPS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const nonce = (value: string) => /'nonce-([^']+)'/.exec(value)?.[1];
  expect(nonce(second.headers()["content-security-policy"])).not.toBe(nonce(csp));
  // Next.js puts the nonce on its own scripts, so they run under the policy.
  expect(await first.text()).toContain(`nonce="${nonce(csp)}"`);

  const api = await request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  const https = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toContain("max-age=");
});

test("the login page cannot be framed by another site", async ({ page, baseURL }) => {
  // Another origin on this machine (a public one would be stopped earlier by the browser's local-network rules).
  const attacker = http.createServer((_request, response) => {
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end(`<h1>Piège</h1><iframe src="${baseURL}/login" width="600" height="400"></iframe>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    const served = page.waitForResponse((response) => response.url().startsWith(`${baseURL}/login`));
    const blocked = page.waitForEvent("requestfailed", (request) => request.url().startsWith(`${baseURL}/login`));
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    // The browser fetched the page, then refused to show it in the frame.
    expect((await served).headers()["x-frame-options"]).toBe("DENY");
    expect((await blocked).failure()?.errorText).toBe("net::ERR_BLOCKED_BY_RESPONSE");
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Connexion" })).toHaveCount(0);
  } finally {
    attacker.close();
  }
});

test.describe("exports and search results are not kept by caches", () => {
  test.use({ storageState: storageState("admin") });
  test("search and exports answer private, no-store", async ({ request }) => {
    const search = await request.get("/api/clients/search?q=SA");
    expect(search.status()).toBe(200);
    expect(search.headers()["cache-control"]).toBe("private, no-store");
    const exported = await request.get("/api/clients/export");
    expect(exported.status()).toBe(200);
    expect(exported.headers()["cache-control"]).toBe("private, no-store");
  });
});

const payloads = ["//evil.test/", "/\\evil.test/", "/login/..//evil.test/", "https://evil.test/", "%2F%2Fevil.test%2F", "/%5Cevil.test/", "javascript:alert(1)", "http:evil.test"];

test("a crafted return path never leads off the site after logging in", async ({ browser, baseURL }) => {
  test.slow();
  for (const payload of payloads) {
    // A context per payload: a late cookie from the previous login cannot carry over and skip the login form.
    const context = await browser.newContext({ baseURL });
    let leftTheSite = false;
    await context.route("**://evil.test/**", (route) => {
      leftTheSite = true;
      return route.fulfill({ contentType: "text/html", body: "<h1>Ailleurs</h1>" });
    });
    const page = await context.newPage();
    await page.goto(`/login?callbackUrl=${payload.startsWith("%") ? payload : encodeURIComponent(payload)}`);
    await page.getByLabel("Adresse e-mail").fill(accounts.manager);
    await page.getByLabel("Mot de passe").fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
    expect(new URL(page.url()).origin, payload).toBe(new URL(baseURL!).origin);
    expect(leftTheSite, payload).toBe(false);
    await context.close();
  }
});
