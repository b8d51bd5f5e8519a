/**
 * The client's statement of account (« relevé de compte ») as a PDF on the company's letterhead: every open item
 * with its date, due date, amount, open amount and days late, then the totals échu, non échu and total on the
 * statement's date. Downloaded from the fiche client or attached to an e-mail sent from it.
 */
import PDFDocument from "pdfkit";
import type { Company, Options } from "@/lib/settings/options";
import { escapeHtml, renderTemplate, type TemplateContext, type TemplateDocument } from "@/lib/templates";
import { fromCents, sumCents, toCents } from "@/lib/templates/decimal";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { clientLetterInput } from "./client-letter";
import { drawFoldMarks, drawFooters, drawLetterhead, drawRecipient } from "./letter-pdf";
import { drawBlocks } from "./pdf/draw-blocks";
import { drawLines, drawRuns } from "./pdf/draw-text";
import { htmlToBlocks } from "./pdf/html-blocks";
import { body, colors, contentWidth, margin, mm, windowBlock } from "./pdf/page-layout";
import { toWinAnsi } from "./pdf/win-ansi";

/** Totals are in euros; items in another currency are listed with their own but left out of the sums. */
const BASE_CURRENCY = "EUR";

export type StatementTotals = { overdue: string; notDue: string; total: string; otherCurrencies: number };

/** Échu: open amounts due before `today`; non échu: the rest (SPEC §9), credit notes and payments counting negative. */
export function statementTotals(documents: TemplateDocument[], today: string): StatementTotals {
  const inBase = documents.filter((d) => (d.currency ?? BASE_CURRENCY) === BASE_CURRENCY);
  const total = sumCents(inBase.map((d) => toCents(d.openAmount)));
  const overdue = sumCents(inBase.filter((d) => d.dueDate < today).map((d) => toCents(d.openAmount)));
  return { overdue: fromCents(overdue), notDue: fromCents(total - overdue), total: fromCents(total), otherCurrencies: documents.length - inBase.length };
}

export const statementTitle = (today: string) => `Relevé de compte au ${formatDate(today)}`;

export function statementFileName(context: TemplateContext): string {
  return `releve-de-compte-${context.client.code}-${context.today}.pdf`.replace(/[^\w.-]+/g, "-");
}

const intro = `<p>Sauf erreur ou omission de notre part, voici la situation de votre compte à ce jour. Les pièces échues sont à régler dès réception ; pour toute question, n'hésitez pas à nous contacter.</p>
{{pieces.tableau}}`;

function totalsHtml(totals: StatementTotals): string {
  const row = (label: string, amount: string) =>
    `<tr><th style="text-align:left">${escapeHtml(label)}</th><td style="text-align:right">${escapeHtml(formatMoney(amount))}</td></tr>`;
  const note = totals.otherCurrencies
    ? `<p>Les pièces en devises autres que l'euro (${totals.otherCurrencies}) ne sont pas comprises dans ces totaux.</p>`
    : "";
  return `<table><tbody>${row("Échu", totals.overdue)}${row("Non échu", totals.notDue)}${row("Total dû", totals.total)}</tbody></table>${note}`;
}

export async function renderStatementPdf(args: { context: TemplateContext; company: Company; logo: Options["companyLogo"] }): Promise<Buffer> {
  const { context, company } = args;
  const title = statementTitle(context.today);
  const table = renderTemplate({ subject: title, body: intro }, context, "letter");
  const letter = clientLetterInput({ context, rendered: table, company, logo: args.logo });
  const doc = new PDFDocument({
    size: "A4",
    margins: margin,
    bufferPages: true,
    info: { Title: toWinAnsi(`${title} – ${context.client.name}`), Author: toWinAnsi(company.name), Creator: "Encaisse" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  drawFoldMarks(doc);
  const top = Math.max(drawLetterhead(doc, letter), drawRecipient(doc, letter.recipient));
  const y = Math.max(top + mm(8), mm(95));
  drawLines(doc, [letter.placeAndDate], windowBlock.x, y, windowBlock.width, { size: body.size });
  drawLines(doc, [letter.reference ?? ""], margin.left, y, mm(80), { size: 9, color: colors.muted });
  doc.y = y + mm(12);
  drawRuns(doc, [{ text: title, bold: true }], margin.left, contentWidth, { size: 13 });
  doc.y += mm(5);
  drawBlocks(doc, htmlToBlocks(table.body + totalsHtml(statementTotals(context.documents, context.today))));
  drawFooters(doc, letter, 0);
  doc.end();
  return done;
}
