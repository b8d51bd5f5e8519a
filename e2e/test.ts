import { test as base, expect } from "@playwright/test";

/**
 * Every browser test fails on an uncaught page error or a Content-Security-Policy violation. A page that does not hydrate is re-rendered whole by React,
 * and a click during that re-render is lost: the test would fail later, far from the cause.
 */
export const test = base.extend<{ failOnPageError: void }>({
  failOnPageError: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      // A script or style the Content-Security-Policy blocks is a page that half-works.
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text()) && !/frame-ancestors/.test(message.text())) {
          errors.push(`${page.url()}: ${message.text()}`);
        }
      });
      await use();
      expect(errors, "erreurs JavaScript de la page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
