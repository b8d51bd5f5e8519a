/** The documents an e-mail is about, as a one-table PDF attached to it when the template asks (« relevé de pièces »). */
import PDFDocument from "pdfkit";
import { formatDate } from "@/lib/format/fr";
import { renderTemplate, type TemplateContext } from "@/lib/templates";
import { drawBlocks } from "./pdf/draw-blocks";
import { drawLines } from "./pdf/draw-text";
import { htmlToBlocks } from "./pdf/html-blocks";
import { colors, contentWidth, fonts, margin, mm } from "./pdf/page-layout";
import { toWinAnsi } from "./pdf/win-ansi";

const body = { subject: "Relevé", body: "{{pieces.tableau}}" };

export function documentListFileName(context: TemplateContext): string {
  return `releve-${context.client.code}-${context.today}.pdf`.replace(/[^\w.-]+/g, "-");
}

export async function renderDocumentListPdf(context: TemplateContext): Promise<Buffer> {
  const title = `Relevé des pièces – ${context.client.name}`;
  const doc = new PDFDocument({ size: "A4", margins: margin, info: { Title: toWinAnsi(title), Author: toWinAnsi(context.company.name), Creator: "Encaisse" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  let y = drawLines(doc, [context.company.name].filter(Boolean), margin.left, mm(15), contentWidth, { font: fonts.bold, size: 10 });
  y = drawLines(doc, [title], margin.left, y + mm(4), contentWidth, { font: fonts.bold, size: 13 });
  y = drawLines(doc, [`Réf. client : ${context.client.code} – au ${formatDate(context.today)}`], margin.left, y + 2, contentWidth, { size: 9, color: colors.muted });
  doc.y = y + mm(6);
  drawBlocks(doc, htmlToBlocks(renderTemplate(body, context, "email").body));
  doc.end();
  return done;
}
