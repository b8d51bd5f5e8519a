import fs from "node:fs";
import path from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { demoCompany } from "@/db/seed/demo-company";
import { renderTemplate, type TemplateContext, type TemplateDocument } from "@/lib/templates";
import { sampleLogoPng } from "@/lib/testing/png";
import { letterDateLine } from "./letter-date";
import { type LetterPdfInput, renderLetterPdf } from "./letter-pdf";
import { sampleLetterInput } from "./sample-letter";

// LETTER_SAMPLE_DIR=test-results/letters npx vitest run lib/outbound/letter-pdf.test.ts writes the PDFs to look at.
const sampleDir = process.env.LETTER_SAMPLE_DIR;

const formalNotice = {
  subject: "Mise en demeure de payer – {{client.raison_sociale}}",
  body: `<p>{{contact.salutation}}</p>
<p>Malgré nos précédentes relances, nous constatons que les factures ci-dessous, arrivées à échéance, restent impayées à ce jour&nbsp;:</p>
{{pieces.tableau}}
<p>Le montant total restant dû s'élève à <strong>{{totaux.reste_du}}</strong>.</p>
<p>En application de l'article <em>L441-10 du Code de commerce</em>, ces sommes portent intérêt au taux annuel de {{penalites.taux}} à compter de leur échéance, et chaque facture payée en retard donne lieu à une <u>indemnité forfaitaire pour frais de recouvrement</u> de {{penalites.indemnite_forfaitaire}} :</p>
{{pieces.tableau_penalites}}
<p>Par la présente, nous vous <strong>mettons en demeure</strong> de nous régler la somme de {{totaux.reste_du}}, majorée de {{penalites.total_avec_indemnites}} de pénalités et indemnités, <strong>sous huit jours</strong> à compter de la réception de ce courrier :</p>
<ul><li><p>par virement sur notre compte {{societe.iban}} ;</p></li><li><p>par chèque à l'ordre de {{societe.nom}}.</p></li></ul>
<p>À défaut de règlement dans ce délai, nous transmettrons le dossier à notre service contentieux, sans autre avis.</p>
<p>Pour toute question, {{gestionnaire.interlocuteur}} est {{gestionnaire.nom}} ({{gestionnaire.telephone}}, {{gestionnaire.email}}).</p>
<p>Nous vous prions d'agréer, {{contact.titre}}, l'expression de nos salutations distinguées.</p>`,
};

const invoice = (n: number, issueDate: string, dueDate: string, amount: string, openAmount = amount): TemplateDocument => ({
  type: "invoice",
  number: `FA-2026-${String(n).padStart(5, "0")}`,
  issueDate,
  dueDate,
  amount,
  openAmount,
});

const documents: TemplateDocument[] = [
  invoice(1042, "2026-07-15", "2026-08-31", "12345.60"),
  invoice(1187, "2026-08-12", "2026-09-30", "4890.00", "2890.00"),
  invoice(1233, "2026-09-03", "2026-10-15", "987.35"),
  { type: "credit_note", number: "AV-2026-00088", issueDate: "2026-09-20", dueDate: "2026-09-20", amount: "-250.00", openAmount: "-250.00" },
];

function context(docs: TemplateDocument[]): TemplateContext {
  return {
    today: "2026-11-25",
    client: { code: "C00123", name: "Menuiserie Dupont & Fils", address: "14 avenue Jean Jaurès\nZI des Platières", postalCode: "69007", city: "Lyon" },
    contact: { civility: "Monsieur", name: "Dupont" },
    company: { name: demoCompany.name, address: demoCompany.address, iban: demoCompany.iban, signature: demoCompany.signature },
    collector: { name: "Sophie Durand", civility: "Madame", email: "sophie.durand@bati-pro.demo", phone: "04 72 60 18 45" },
    totals: { outstanding: "18972.95", overdue: "16222.95" },
    documents: docs,
    penaltyRatePercent: "12.15",
  };
}

function letter(ctx: TemplateContext, logo = true): LetterPdfInput {
  const rendered = renderTemplate(formalNotice, ctx, "letter");
  return {
    company: demoCompany,
    logo: logo ? { mimeType: "image/png", base64: sampleLogoPng().toString("base64") } : null,
    recipient: {
      name: ctx.client.name,
      attention: "À l'attention de M. Dupont",
      addressLines: ["14 avenue Jean Jaurès", "ZI des Platières", "69007 Lyon"],
    },
    placeAndDate: letterDateLine(demoCompany.city, ctx.today),
    reference: `Réf. client : ${ctx.client.code}`,
    postalMention: "Lettre recommandée avec accusé de réception",
    subject: rendered.subject ?? "",
    bodyHtml: rendered.body,
  };
}

async function pdfText(pdf: Buffer, name: string) {
  if (sampleDir) {
    fs.mkdirSync(sampleDir, { recursive: true });
    fs.writeFileSync(path.join(sampleDir, name), pdf);
  }
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(document, { mergePages: true });
  // Extracted text keeps the no-break spaces of amounts; compare with plain spaces.
  return { pages: totalPages, text: text.replace(/[\s\u00a0]+/g, " ") };
}

describe("renderLetterPdf", () => {
  it("prints a formal notice with its letterhead, recipient, subject, documents table, amounts and footer", async () => {
    const pdf = await renderLetterPdf(letter(context(documents)));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, text } = await pdfText(pdf, "mise-en-demeure.pdf");

    expect(pages).toBe(2);
    expect(text).toContain("Bati-Pro Distribution");
    expect(text).toContain("Menuiserie Dupont & Fils");
    expect(text).toContain("À l'attention de M. Dupont");
    expect(text).toContain("69007 Lyon");
    expect(text).toContain("Lyon, le 25 novembre 2026");
    expect(text).toContain("Réf. client : C00123");
    expect(text).toContain("Objet : Mise en demeure de payer – Menuiserie Dupont & Fils");
    expect(text).toContain("Monsieur, Malgré nos précédentes relances");
    expect(text).toContain("votre interlocutrice est Sophie Durand");
    expect(text).toContain("FA-2026-01042");
    expect(text).toContain("AV-2026-00088");
    expect(text).toContain("12 345,60 €");
    expect(text).toContain("-250,00 €");
    expect(text).toContain("12,15 %");
    expect(text).toContain("FR76 1009 6180 0000 0123 4560 143");
    expect(text).toContain("Responsable crédit clients");
    expect(text).toContain("SAS au capital de 1 250 000 € – RCS Lyon 512 345 679");
    expect(text).toContain("Page 1/2");
    expect(text).toContain("Page 2/2");
    expect(text).not.toContain("<strong>");
    expect(text).not.toContain("?");
  });

  it("fits a first reminder on one page", async () => {
    const reminder = {
      subject: "Relance – factures échues",
      body: "<p>Madame, Monsieur,</p><p>Sauf erreur de notre part, les factures suivantes restent impayées :</p>{{pieces.tableau}}<p>Nous vous remercions de bien vouloir procéder à leur règlement dans les meilleurs délais. Si votre paiement est en cours, merci de ne pas tenir compte de ce courrier.</p><p>Veuillez agréer, Madame, Monsieur, nos salutations distinguées.</p>",
    };
    const ctx = context(documents);
    const rendered = renderTemplate(reminder, ctx, "letter");
    const input = { ...letter(ctx), postalMention: null, subject: rendered.subject ?? "", bodyHtml: rendered.body };
    const { pages, text } = await pdfText(await renderLetterPdf(input), "relance.pdf");
    expect(pages).toBe(1);
    expect(text).toContain("Objet : Relance – factures échues");
    expect(text).toContain("Page 1/1");
  });

  it("prints the sample letter offered in Paramétrage with the company's details", async () => {
    const input = sampleLetterInput({ company: demoCompany, logo: null, ratePercent: "12.15", today: "2026-12-01" });
    const { pages, text } = await pdfText(await renderLetterPdf(input), "courrier-exemple.pdf");
    expect(pages).toBe(1);
    expect(text).toContain("Lyon, le 1er décembre 2026");
    expect(text).toContain("FA-EXEMPLE-1");
    expect(text).toContain("5 834,40 €");
    expect(text).toContain("Claire Martin");
    expect(text).toContain("Madame, Sauf erreur de notre part");
    expect(text).toContain("Nous vous prions d'agréer, Madame, l'expression");
  });

  it("still prints the letter, with its text letterhead, when the stored logo is damaged", async () => {
    const input = { ...letter(context(documents)), logo: { mimeType: "image/png" as const, base64: Buffer.from("pas une image").toString("base64") } };
    const { text } = await pdfText(await renderLetterPdf(input), "logo-endommage.pdf");
    expect(text).toContain("Bati-Pro Distribution");
    expect(text).toContain("FA-2026-01042");
  });

  it("spreads 80 documents over several pages, every one printed, the footer numbered on each page", async () => {
    const many = Array.from({ length: 80 }, (_, i) => invoice(2000 + i, "2026-06-01", `2026-${String(7 + (i % 4)).padStart(2, "0")}-15`, `${1000 + i * 37}.${String(i % 100).padStart(2, "0")}`));
    const { pages, text } = await pdfText(await renderLetterPdf(letter(context(many))), "mise-en-demeure-80-pieces.pdf");

    expect(pages).toBeGreaterThan(1);
    for (const doc of many) expect(text).toContain(doc.number);
    expect(text).toContain(`Page 1/${pages}`);
    expect(text).toContain(`Page ${pages}/${pages}`);
    // The header row is printed again at the top of the table's next page.
    expect(text.split("Jours de retard").length - 1).toBeGreaterThan(2);
  });

  it("prints the text of values as they were typed, never as markup", async () => {
    const ctx = context(documents);
    ctx.client.name = `<b>Dupont</b> & "Fils" <script>alert(1)</script>`;
    const rendered = renderTemplate({ subject: formalNotice.subject, body: "<p>Client : {{client.raison_sociale}}</p>{{pieces.tableau}}" }, ctx, "letter");
    expect(rendered.body).not.toContain("<b>Dupont");
    const input = { ...letter(ctx, false), subject: rendered.subject ?? "", bodyHtml: rendered.body };
    const { text } = await pdfText(await renderLetterPdf(input), "valeurs-echappees.pdf");
    const name = `<b>Dupont</b> & "Fils" <script>alert(1)</script>`;
    expect(text).toContain(`Client : ${name}`);
    expect(text).toContain(`Objet : Mise en demeure de payer – ${name}`);
  });
});
