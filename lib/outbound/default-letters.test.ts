import fs from "node:fs";
import path from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { demoCompany } from "@/db/seed/demo-company";
import { demoTemplates } from "@/db/seed/demo-relance";
import { renderTemplate, type TemplateContext, type TemplateDocument } from "@/lib/templates";
import { clientLetterInput } from "./client-letter";
import { renderLetterPdf } from "./letter-pdf";
import { FORMAL_NOTICE_MENTION } from "./render-action";

// LETTER_SAMPLE_DIR=test-results/letters npx vitest run lib/outbound/default-letters.test.ts writes the PDFs to look at.
const sampleDir = process.env.LETTER_SAMPLE_DIR;

const template = (name: string) => demoTemplates.find((t) => t.name === name)!;
const reminder = template("Lettre de relance");
const formalNotice = template("Mise en demeure");

const invoice = (n: number, dueDate: string, amount: string, openAmount = amount): TemplateDocument => ({
  type: "invoice",
  number: `FA-2026-${String(n).padStart(5, "0")}`,
  issueDate: "2026-06-30",
  dueDate,
  amount,
  openAmount,
});

// On 25/11/2026 at 12,15 % a year (penalty = open × 12,15 % × days / 365, to the cent):
// FA-01042 due 31/08, 86 days: 12 345,60 → 353,42 €; FA-01187 due 30/09, 56 days: 2 890,00 → 53,87 €;
// FA-01233 due 15/10, 41 days: 987,35 → 13,48 €. Penalties 420,77 €; 3 invoices × 40 € = 120,00 €.
// The credit note bears nothing. Open 12 345,60 + 2 890,00 + 987,35 − 250,00 = 15 972,95 €;
// to pay 15 972,95 + 420,77 + 120,00 = 16 513,72 €.
const documents: TemplateDocument[] = [
  invoice(1042, "2026-08-31", "12345.60"),
  invoice(1187, "2026-09-30", "4890.00", "2890.00"),
  invoice(1233, "2026-10-15", "987.35"),
  { type: "credit_note", number: "AV-2026-00088", issueDate: "2026-09-20", dueDate: "2026-09-20", amount: "-250.00", openAmount: "-250.00" },
];

function context(contact: TemplateContext["contact"], docs = documents, collectorCivility: string | null = "Madame"): TemplateContext {
  return {
    today: "2026-11-25",
    client: { code: "C00123", name: "Roussel Bâtiment", address: "14 avenue Jean Jaurès", postalCode: "69007", city: "Lyon" },
    contact,
    company: { name: demoCompany.name, address: demoCompany.address, iban: demoCompany.iban, signature: demoCompany.signature },
    collector: { name: "Sophie Durand", civility: collectorCivility, email: "sophie.durand@bati-pro.demo", phone: "04 72 60 18 45" },
    totals: { outstanding: "18972.95", overdue: "16222.95" },
    documents: docs,
    penaltyRatePercent: "12.15",
  };
}

/** The letter as the sending path builds it: a formal notice carries the postal mention in its heading. */
async function letterPages(body: { subject: string | null; body: string }, ctx: TemplateContext, name: string, formal = false) {
  const rendered = renderTemplate({ subject: body.subject, body: body.body }, ctx, "letter");
  const input = clientLetterInput({ context: ctx, rendered, company: demoCompany, logo: null, postalMention: formal ? FORMAL_NOTICE_MENTION : null });
  const pdf = await renderLetterPdf(input);
  if (sampleDir) {
    fs.mkdirSync(sampleDir, { recursive: true });
    fs.writeFileSync(path.join(sampleDir, name), pdf);
  }
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  // Amounts keep their no-break spaces when extracted; compare with plain spaces.
  const pages = text.map((page) => page.replace(/[\s\u00a0\u202f]+/g, " "));
  return { pages, text: pages.join(" ") };
}

const count = (text: string, part: string) => text.split(part).length - 1;
const pageOf = (pages: string[], part: string) => pages.findIndex((page) => page.includes(part));

describe("default letters", () => {
  it.each([
    [{ civility: "Mme", name: "Roussel" }, "Madame, Nous vous avons"],
    [{ civility: "M.", name: "Roussel" }, "Monsieur, Nous vous avons"],
    [{ civility: "Mlle", name: "Roussel" }, "Madame, Nous vous avons"],
    [{ civility: null, name: "Roussel" }, "Madame, Monsieur, Nous vous avons"],
    [null, "Madame, Monsieur, Nous vous avons"],
  ])("opens the reminder for %o with « %s » and never with the name", async (contact, opening) => {
    const { text } = await letterPages(reminder, context(contact), "relance.pdf");
    expect(text).toContain(opening);
    expect(text).not.toMatch(/(M\.|Mme|Monsieur|Madame) Roussel,/);
    const title = opening.replace(/, Nous vous avons$/, "");
    expect(text).toContain(`Nous vous prions d'agréer, ${title}, l'expression de nos salutations distinguées.`);
  });

  it("agrees the collector: votre interlocutrice, votre interlocuteur", async () => {
    expect((await letterPages(reminder, context(null), "relance.pdf")).text).toContain("Sophie Durand, votre interlocutrice, se tient");
    expect((await letterPages(reminder, context(null, documents, "M."), "relance.pdf")).text).toContain("Sophie Durand, votre interlocuteur, se tient");
    expect((await letterPages(reminder, context(null, documents, null), "relance.pdf")).text).toContain("votre interlocuteur, se tient");
  });

  it("prints the reminder on one page, signed once, without the postal mention", async () => {
    const { pages, text } = await letterPages(reminder, context({ civility: "Monsieur", name: "Roussel" }), "relance.pdf");
    expect(pages).toHaveLength(1);
    expect(count(text, "Claire Martin")).toBe(1);
    expect(count(text, "Responsable crédit clients")).toBe(1);
    expect(text).not.toContain("recommandée");
  });

  it("prints the formal notice with one postal mention, one signature and the L441-10 figures", async () => {
    const { text } = await letterPages(formalNotice, context({ civility: "M.", name: "Roussel" }), "mise-en-demeure.pdf", true);
    expect(count(text, "Lettre recommandée avec accusé de réception")).toBe(1);
    expect(count(text, "recommandée")).toBe(1);
    expect(count(text, "Claire Martin")).toBe(1);
    expect(text).toContain("Monsieur, Malgré nos relances successives");
    expect(text).toContain("article L441-10 du Code de commerce");
    expect(text).toContain("au taux annuel de 12,15 %");
    expect(text).toContain("soit 120,00 € pour 3 factures");
    expect(text).toContain("420,77 € de pénalités de retard, arrêtées au 25/11/2026");
    expect(text).toContain("soit un total de 16 513,72 €");
    expect(text).toContain("huit jours");
    expect(text).toContain("article 1344 du Code civil");
  });

  it("prints the postal mention and the signature once even when a template also writes them", async () => {
    const doubled = {
      subject: "Mise en demeure",
      body: `<p><strong>Lettre recommandée avec accusé de réception</strong></p><p>{{contact.salutation}}</p>{{pieces.tableau}}<p>Veuillez agréer, {{contact.titre}}, nos salutations distinguées.</p><p>{{societe.signature}}</p>`,
    };
    const formal = await letterPages(doubled, context(null), "doublons.pdf", true);
    expect(count(formal.text, "recommandée")).toBe(1);
    expect(count(formal.text, "Claire Martin")).toBe(1);
    // Without the heading's mention, the body's own is moved to its place above the subject.
    const plain = await letterPages(doubled, context(null), "doublons.pdf");
    expect(count(plain.text, "recommandée")).toBe(1);
    expect(plain.text.indexOf("recommandée")).toBeLessThan(plain.text.indexOf("Objet :"));
  });

  it("keeps the closing formula and the signature on one page however long the list of documents", async () => {
    const closing = "Nous vous prions d'agréer";
    let brokeBefore = 0;
    for (let n = 8; n <= 14; n++) {
      const many = Array.from({ length: n }, (_, i) => invoice(3000 + i, "2026-09-15", `${1000 + i * 37}.50`));
      const { pages } = await letterPages(reminder, context(null, many), `relance-${n}-pieces.pdf`);
      expect(pageOf(pages, closing), `${n} documents`).toBe(pageOf(pages, "Claire Martin"));
      if (pages.length > 1 && pageOf(pages, closing) === pages.length - 1 && pageOf(pages, "votre interlocutrice") < pages.length - 1) brokeBefore++;
    }
    // Some of these lengths leave room for the last paragraph but not for the closing and the signature.
    expect(brokeBefore).toBeGreaterThan(0);
  });
});
