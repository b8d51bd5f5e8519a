import { describe, expect, it } from "vitest";
import { htmlToBlocks } from "./html-blocks";

describe("htmlToBlocks", () => {
  it("reads paragraphs as styled runs, with line breaks and collapsed spaces", () => {
    expect(htmlToBlocks("<p>Bonjour <strong>M.&nbsp;Dupont</strong>,<br>  merci <em>de  <u>régler</u></em>.</p>")).toEqual([
      {
        kind: "paragraph",
        indent: 0,
        runs: [
          { text: "Bonjour " },
          { text: "M.\u00a0Dupont", bold: true },
          { text: ",\nmerci " },
          { text: "de ", italic: true },
          { text: "régler", italic: true, underline: true },
          { text: "." },
        ],
      },
    ]);
  });

  it("numbers ordered lists, marks the first paragraph of each item and keeps empty paragraphs as blank lines", () => {
    const blocks = htmlToBlocks("<ol><li><p>un</p></li><li>deux</li></ol><p></p><ul><li>trois</li></ul>");
    expect(blocks).toEqual([
      { kind: "paragraph", indent: 1, marker: "1.", runs: [{ text: "un" }] },
      { kind: "paragraph", indent: 1, marker: "2.", runs: [{ text: "deux" }] },
      { kind: "blank" },
      { kind: "paragraph", indent: 1, marker: "•", runs: [{ text: "trois" }] },
    ]);
  });

  it("reads tables by section with the alignment of their cells", () => {
    const [table] = htmlToBlocks(
      '<table><thead><tr><th>Numéro</th><th style="text-align:right">Montant</th></tr></thead>' +
        '<tbody><tr><td>FA-1</td><td style="border:1px solid;text-align:right;white-space:nowrap">1&nbsp;234,56&nbsp;€</td></tr></tbody>' +
        "<tfoot><tr><th>Total</th><th>x</th></tr></tfoot></table>",
    );
    expect(table).toEqual({
      kind: "table",
      head: [[{ text: "Numéro", header: true, align: "left" }, { text: "Montant", header: true, align: "right" }]],
      body: [[{ text: "FA-1", header: false, align: "left" }, { text: "1\u00a0234,56\u00a0€", header: false, align: "right" }]],
      foot: [[{ text: "Total", header: true, align: "left" }, { text: "x", header: true, align: "left" }]],
    });
  });

  it("decodes escaped markup as text, drops scripts and keeps only safe links", () => {
    expect(htmlToBlocks('<p>&lt;b&gt;x&lt;/b&gt;<script>alert(1)</script> <a href="javascript:alert(1)">ici</a> <a href="https://a.fr">là</a></p>')).toEqual([
      { kind: "paragraph", indent: 0, runs: [{ text: "<b>x</b> ici " }, { text: "là", link: "https://a.fr" }] },
    ]);
  });

  it("reads headings, quotes and rules", () => {
    expect(htmlToBlocks("<h2>Titre</h2><blockquote><p>Cité</p></blockquote><hr>").map((b) => b.kind)).toEqual(["heading", "paragraph", "rule"]);
  });
});
