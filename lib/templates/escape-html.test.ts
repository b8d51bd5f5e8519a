import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape-html";

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(escapeHtml("Dupont & Fils")).toBe("Dupont &amp; Fils");
    expect(escapeHtml("L'Atelier")).toBe("L&#39;Atelier");
  });

  it("escapes an ampersand only once and leaves plain text alone", () => {
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
    expect(escapeHtml("Société Générale — 12 345,67 €")).toBe("Société Générale — 12 345,67 €");
  });
});
