import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { demoCompany } from "@/db/seed/demo-company";
import { renderTemplate, type TemplateContext } from "@/lib/templates";
import { clientLetterInput } from "./client-letter";
import { renderLetterPdf } from "./letter-pdf";

const context: TemplateContext = {
  today: "2026-12-01",
  client: { code: "C00412", name: "Menuiserie Dupont SARL", address: "ZI des Platières\nBâtiment B", postalCode: "1000", city: "Bruxelles", country: "BE" },
  contact: { civility: "Madame", name: "Lefèvre" },
  company: { name: demoCompany.name },
  totals: { outstanding: "1234.56", overdue: "1234.56" },
  documents: [{ type: "invoice", number: "FA-77", issueDate: "2026-09-01", dueDate: "2026-10-01", amount: "1234.56", openAmount: "1234.56" }],
  penaltyRatePercent: "12.15",
};
const template = { subject: "Relance {{client.code}}", body: "<p>{{contact.civilite}} {{contact.nom}},</p>{{pieces.tableau}}" };

describe("client letter", () => {
  it("addresses the client and its contact the French way, abroad included", () => {
    const input = clientLetterInput({ context, rendered: renderTemplate(template, context, "letter"), company: demoCompany, logo: null });
    expect(input.recipient).toEqual({
      name: "Menuiserie Dupont SARL",
      attention: "À l'attention de Mme Lefèvre",
      addressLines: ["ZI des Platières", "Bâtiment B", "1000 Bruxelles", "BE"],
    });
    expect(input.placeAndDate).toBe("Lyon, le 1er décembre 2026");
    expect(input.reference).toBe("Réf. client : C00412");
    expect(input.subject).toBe("Relance C00412");
  });

  it("prints as a PDF that reads back with the client, the subject and the invoice", async () => {
    const input = clientLetterInput({ context: { ...context, contact: null }, rendered: renderTemplate(template, context, "letter"), company: demoCompany, logo: null });
    expect(input.recipient.attention).toBeNull();
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await renderLetterPdf(input))), { mergePages: true });
    for (const expected of ["Menuiserie Dupont SARL", "Objet : Relance C00412", "FA-77", "1 234,56 €", "Madame Lefèvre"]) {
      expect(text.replace(/\s+/g, " ")).toContain(expected);
    }
  });
});
