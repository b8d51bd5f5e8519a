import { describe, expect, it } from "vitest";
import { isBlankHtml, sanitizeTemplateHtml } from "./sanitize";

describe("sanitizeTemplateHtml", () => {
  it("keeps the editor's formatting and the clips", () => {
    const html =
      "<h2>Relance</h2><p>Bonjour {{contact.civilite}} {{ contact.nom }},</p><p><strong>gras</strong> <em>italique</em> <u>souligné</u> <s>barré</s><br>suite</p>" +
      "<ul><li>un</li></ul><ol><li>deux</li></ol><blockquote><p>cité</p></blockquote><hr><h3>Pièces</h3><p>{{pieces.tableau}}</p>";
    expect(sanitizeTemplateHtml(html)).toBe(html.replace("<br>", "<br />").replace("<hr>", "<hr />"));
  });

  it("drops scripts, styles, event handlers and unknown tags but keeps their text", () => {
    const html = `<p onclick="alert(1)" style="color:red" class="x">Texte</p><script>alert(1)</script><style>p{}</style><div><span>garde</span></div><img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe>`;
    expect(sanitizeTemplateHtml(html)).toBe("<p>Texte</p>garde");
  });

  it("keeps http, https and mailto links, with their href only", () => {
    expect(sanitizeTemplateHtml(`<a href="https://pay.example/f?a=1&amp;b=2" target="_blank" rel="noopener">payer</a>`)).toBe(
      `<a href="https://pay.example/f?a=1&amp;b=2">payer</a>`,
    );
    expect(sanitizeTemplateHtml(`<a href="mailto:compta@client.fr">écrire</a>`)).toBe(`<a href="mailto:compta@client.fr">écrire</a>`);
    expect(sanitizeTemplateHtml(`<a href="http://x.fr">x</a>`)).toBe(`<a href="http://x.fr">x</a>`);
  });

  it("removes javascript:, data: and protocol-relative links", () => {
    expect(sanitizeTemplateHtml(`<a href="javascript:alert(1)">x</a>`)).toBe("<a>x</a>");
    expect(sanitizeTemplateHtml(`<a href="JaVaScRiPt:alert(1)">x</a>`)).toBe("<a>x</a>");
    expect(sanitizeTemplateHtml(`<a href="data:text/html,<script>alert(1)</script>">x</a>`)).toBe("<a>x</a>");
    expect(sanitizeTemplateHtml(`<a href="//evil.example">x</a>`)).toBe("<a>x</a>");
  });

  it("escapes text that looks like markup", () => {
    expect(sanitizeTemplateHtml("<p>1 &lt; 2 &amp; {{client.code}}</p>")).toBe("<p>1 &lt; 2 &amp; {{client.code}}</p>");
  });
});

describe("isBlankHtml", () => {
  it("sees the editor's empty document as blank", () => {
    expect(isBlankHtml("<p></p>")).toBe(true);
    expect(isBlankHtml("<p> &nbsp; </p><p><br></p>")).toBe(true);
    expect(isBlankHtml("<p>{{client.code}}</p>")).toBe(false);
  });
});
