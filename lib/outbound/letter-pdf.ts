/**
 * A letter as a PDF, laid out as a French business letter on A4: letterhead top left, the recipient where a
 * right-hand window envelope shows it, place and date, references, subject, body, signature, and a footer on
 * every page with the legal mentions and the page number. Standard Helvetica fonts only, so nothing to embed.
 */
import PDFDocument from "pdfkit";
import type { Company } from "@/lib/settings/options";
import { drawBlocks, paragraphHeight } from "./pdf/draw-blocks";
import { drawLines, drawRuns, ensureSpace, lineHeight, type Pdf } from "./pdf/draw-text";
import { htmlToBlocks, type Paragraph } from "./pdf/html-blocks";
import { letterParts } from "./pdf/letter-parts";
import { body, colors, contentWidth, fonts, footerText, margin, mm, page, windowBlock } from "./pdf/page-layout";
import { toWinAnsi } from "./pdf/win-ansi";

export type LetterPdfInput = {
  company: Company;
  logo?: { mimeType: "image/png" | "image/jpeg"; base64: string } | null;
  recipient: {
    /** Raison sociale. */
    name: string;
    /** « À l'attention de M. Dupont ». */
    attention?: string | null;
    /** Street lines, then postal code and city, then the country when abroad. */
    addressLines: string[];
  };
  /** « Lyon, le 25 novembre 2026 » (see letterDateLine). */
  placeAndDate: string;
  /** « Réf. client : C00123 ». */
  reference?: string | null;
  /** Postal mention printed above the subject, such as « Lettre recommandée avec accusé de réception ». */
  postalMention?: string | null;
  /** The subject, with or without its « Objet : » prefix. */
  subject: string;
  /** The letter body: HTML as renderTemplate produces it for the letter channel. */
  bodyHtml: string;
};

const splitLines = (text: string | null | undefined) => (text ?? "").split("\n").map((l) => l.trim()).filter(Boolean);

/** Logo and sender top left; returns the y below them. */
export function drawLetterhead(doc: Pdf, input: LetterPdfInput): number {
  const { company } = input;
  let y = mm(12);
  if (input.logo) {
    try {
      // openImage is public in pdfkit but missing from its type declarations.
      const image = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(Buffer.from(input.logo.base64, "base64"));
      const scale = Math.min(mm(50) / image.width, mm(18) / image.height);
      doc.image(image as unknown as Buffer, margin.left, y, { width: image.width * scale, height: image.height * scale });
      y += image.height * scale + mm(4);
    } catch {
      // A damaged logo must not stop the letter: it goes out with the text letterhead.
    }
  }
  const width = mm(80);
  y = drawLines(doc, [company.name], margin.left, y, width, { font: fonts.bold, size: input.logo ? 10.5 : 14 });
  const contact = [company.phone && `Tél. ${company.phone}`, company.email].filter(Boolean) as string[];
  return drawLines(doc, [...splitLines(company.address), ...contact], margin.left, y + 1, width, { size: 8.5, color: colors.muted, lineGap: 1.2 });
}

export function drawRecipient(doc: Pdf, recipient: LetterPdfInput["recipient"]): number {
  const { x, y, width } = windowBlock;
  let bottom = drawLines(doc, [recipient.name], x, y, width, { font: fonts.bold, size: 10.5, lineGap: 1.5 });
  if (recipient.attention) bottom = drawLines(doc, [recipient.attention], x, bottom, width, { size: 10, lineGap: 1.5 });
  return drawLines(doc, recipient.addressLines.map((l) => l.trim()).filter(Boolean), x, bottom, width, { size: 10, lineGap: 1.5 });
}

/** Date under the window, references facing it on the left, then the subject. */
function drawHeading(doc: Pdf, input: LetterPdfInput, postalMention: string | null, top: number) {
  // Below the envelope window, whose opening ends about 95 mm from the top of the folded letter.
  const y = Math.max(top + mm(8), mm(95));
  const dateBottom = drawLines(doc, [input.placeAndDate], windowBlock.x, y, windowBlock.width, { size: body.size });
  let left = y;
  if (input.reference) left = drawLines(doc, [input.reference], margin.left, left, mm(80), { size: 9, color: colors.muted }) + 2;
  if (postalMention) left = drawLines(doc, [postalMention], margin.left, left, mm(80), { font: fonts.bold, size: 9 }) + 2;
  const subject = input.subject.trim().replace(/^objet\s*:\s*/i, "");
  doc.y = Math.max(dateBottom, left) + mm(7);
  drawRuns(doc, [{ text: "Objet : ", bold: true }, { text: subject, bold: true }], margin.left, contentWidth, { size: 10.5 });
  doc.y += mm(6);
}

/** The closing formula and the signature under it, moved together to a new page when they do not both fit. */
function drawClosing(doc: Pdf, closing: Paragraph | null, signature: string) {
  const lines = splitLines(signature);
  const line = lineHeight(doc, body.size, body.lineGap);
  const signatureHeight = lines.length > 0 ? mm(8) + line * lines.length : 0;
  ensureSpace(doc, (closing ? paragraphHeight(doc, closing) : 0) + signatureHeight);
  if (closing) drawBlocks(doc, [closing]);
  if (lines.length === 0) return;
  const y = doc.y + mm(8);
  const [first, ...rest] = lines;
  const below = drawLines(doc, [first], windowBlock.x, y, windowBlock.width, { font: fonts.bold, size: body.size, lineGap: body.lineGap });
  drawLines(doc, rest, windowBlock.x, below, windowBlock.width, { size: body.size, lineGap: body.lineGap });
}

/** Legal mentions and bank details centred at the foot of each page, the page number at the right. */
export function drawFooters(doc: Pdf, input: LetterPdfInput, firstPage: number) {
  const { company } = input;
  const bank = [company.iban && `IBAN ${company.iban}`, company.bic && `BIC ${company.bic}`].filter(Boolean).join(" – ");
  const identity = [company.name, splitLines(company.address).join(", ")].filter(Boolean).join(" – ");
  const lines = [identity, ...splitLines(company.legalMentions), bank].filter(Boolean);
  const range = doc.bufferedPageRange();
  const count = range.start + range.count - firstPage;
  const top = page.height - margin.bottom + mm(7);
  for (let i = 0; i < count; i++) {
    doc.switchToPage(firstPage + i);
    // Writing below the bottom margin would otherwise make pdfkit open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.lineWidth(0.5).moveTo(margin.left, top - mm(2)).lineTo(page.width - margin.right, top - mm(2)).stroke(colors.border);
    drawLines(doc, lines, margin.left + mm(22), top, contentWidth - mm(44), { size: footerText.size, color: colors.muted, align: "center", lineGap: footerText.lineGap });
    drawLines(doc, [`Page ${i + 1}/${count}`], page.width - margin.right - mm(22), top, mm(22), { size: footerText.size, color: colors.muted, align: "right" });
    if (i > 0) {
      const running = [company.name, input.reference, input.recipient.name].filter(Boolean).join(" – ");
      drawLines(doc, [running], margin.left, mm(12), contentWidth, { size: footerText.size, color: colors.muted });
    }
    doc.page.margins.bottom = bottom;
  }
}

/** Fold marks in the left margin of the first page, for folding in three into a DL envelope. */
export function drawFoldMarks(doc: Pdf) {
  for (const y of [mm(99), mm(198)]) doc.lineWidth(0.4).moveTo(mm(5), y).lineTo(mm(9), y).stroke(colors.rule);
}

/** Draws one letter from the current page on; letters after the first start on a new page. */
function drawLetter(doc: Pdf, input: LetterPdfInput, first: boolean) {
  if (!first) doc.addPage();
  const range = doc.bufferedPageRange();
  const firstPage = range.start + range.count - 1;
  drawFoldMarks(doc);
  const senderBottom = drawLetterhead(doc, input);
  const recipientBottom = drawRecipient(doc, input.recipient);
  const parts = letterParts(htmlToBlocks(input.bodyHtml), input.company.signature);
  drawHeading(doc, input, input.postalMention ?? parts.postalMention, Math.max(senderBottom, recipientBottom));
  drawBlocks(doc, parts.body);
  drawClosing(doc, parts.closing, parts.signatureInBody ? "" : input.company.signature);
  drawFooters(doc, input, firstPage);
  // Footers switch back through the letter's pages; the next letter goes after its last one.
  doc.switchToPage(doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1);
}

export function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  return renderLettersPdf([input], { title: input.subject, author: input.company.name });
}

/** Several letters in one PDF, each with its own page numbering: the day's print batch. */
export async function renderLettersPdf(inputs: LetterPdfInput[], info: { title: string; author: string }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: margin,
    bufferPages: true,
    info: { Title: toWinAnsi(info.title), Author: toWinAnsi(info.author), Creator: "Encaisse" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  inputs.forEach((input, i) => drawLetter(doc, input, i === 0));
  doc.end();
  return done;
}
