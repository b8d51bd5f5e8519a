import { describe, expect, it } from "vitest";
import { htmlToBlocks } from "./html-blocks";
import { letterParts } from "./letter-parts";

const signature = "Claire Martin\nResponsable crédit clients";
const texts = (blocks: ReturnType<typeof htmlToBlocks>) => blocks.map((b) => (b.kind === "paragraph" ? b.runs.map((r) => r.text).join("") : b.kind));

describe("letterParts", () => {
  it("sets the last paragraph apart as the closing formula", () => {
    const parts = letterParts(htmlToBlocks("<p>Madame,</p><p>Corps.</p><p>Veuillez agréer, Madame, nos salutations.</p><p></p>"), signature);
    expect(texts(parts.body)).toEqual(["Madame,", "Corps."]);
    expect(parts.closing?.runs.map((r) => r.text).join("")).toBe("Veuillez agréer, Madame, nos salutations.");
    expect(parts).toMatchObject({ postalMention: null, signatureInBody: false });
  });

  it("takes out a signature and a postal mention the template wrote itself", () => {
    const html = "<p><strong>Lettre recommandée avec A.R.</strong></p><p>Madame,</p><p>Veuillez agréer.</p><p>Claire Martin<br>Responsable crédit clients</p>";
    const parts = letterParts(htmlToBlocks(html), signature);
    expect(texts(parts.body)).toEqual(["Madame,"]);
    expect(parts.closing?.runs[0].text).toBe("Veuillez agréer.");
    expect(parts.postalMention).toBe("Lettre recommandée avec A.R.");
  });

  it("leaves a signature written inside the closing paragraph there, and says so", () => {
    const parts = letterParts(htmlToBlocks("<p>Corps.</p><p>Cordialement,<br>Claire Martin<br>Responsable crédit clients</p>"), signature);
    expect(parts.signatureInBody).toBe(true);
    expect(parts.closing?.runs[0].text).toBe("Cordialement,\nClaire Martin\nResponsable crédit clients");
  });

  it("keeps a list item or a table at the end in the body, with no closing to carry", () => {
    expect(letterParts(htmlToBlocks("<p>Corps.</p><ul><li>un</li></ul>"), signature).closing).toBeNull();
    expect(letterParts(htmlToBlocks("<p>Corps.</p><table><tr><td>1</td></tr></table>"), "").closing).toBeNull();
  });
});
