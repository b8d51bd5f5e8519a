/** The letter body: paragraphs, headings, lists, quotes, rules and tables, one after the other. */
import { drawTable } from "./draw-table";
import { drawRuns, ensureSpace, lineHeight, type Pdf } from "./draw-text";
import type { Block, Paragraph } from "./html-blocks";
import { body, colors, contentWidth, fonts, margin } from "./page-layout";
import { toWinAnsi } from "./win-ansi";

const indentStep = 16;
const headingSizes = { 2: 12, 3: 11, 4: 10 } as const;

/** The height a paragraph takes with the gap after it, measured in its widest font so it is never short. */
export function paragraphHeight(doc: Pdf, block: Paragraph): number {
  const text = toWinAnsi(block.runs.map((r) => r.text).join(""));
  const font = block.runs.some((r) => r.bold) ? fonts.bold : fonts.regular;
  const width = contentWidth - block.indent * indentStep;
  return doc.font(font).fontSize(body.size).heightOfString(text, { width, lineGap: body.lineGap }) + body.paragraphGap;
}

export function drawBlocks(doc: Pdf, blocks: Block[]) {
  const line = lineHeight(doc, body.size, body.lineGap);
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    switch (block.kind) {
      case "blank":
        doc.y += line;
        return;
      case "rule":
        ensureSpace(doc, body.paragraphGap * 2);
        doc.y += body.paragraphGap / 2;
        doc.lineWidth(0.5).moveTo(margin.left, doc.y).lineTo(margin.left + contentWidth, doc.y).stroke(colors.rule);
        doc.y += body.paragraphGap * 1.5;
        return;
      case "table":
        doc.y += 2;
        drawTable(doc, block, margin.left, contentWidth);
        doc.y += body.paragraphGap * 1.5;
        return;
      case "heading": {
        const size = headingSizes[block.level];
        // A heading keeps at least two lines of what follows on its page.
        ensureSpace(doc, lineHeight(doc, size, 2, fonts.bold) + 2 * line + body.paragraphGap);
        doc.y += 4;
        drawRuns(doc, block.runs.map((r) => ({ ...r, bold: true })), margin.left, contentWidth, { size, lineGap: 2 });
        doc.y += body.paragraphGap - 2;
        return;
      }
      case "paragraph": {
        const left = margin.left + block.indent * indentStep;
        const width = contentWidth - block.indent * indentStep;
        ensureSpace(doc, line * 2);
        const top = doc.y;
        const startPage = doc.page;
        if (block.marker) {
          doc.font(fonts.regular).fontSize(body.size).fillColor(colors.text);
          doc.text(block.marker, left - indentStep + 2, top, { width: indentStep - 4, lineBreak: false });
        }
        doc.y = top;
        drawRuns(doc, block.runs, left, width, { color: block.quote ? colors.muted : colors.text });
        if (block.quote && doc.page === startPage) doc.lineWidth(1.5).moveTo(left - 8, top).lineTo(left - 8, doc.y - body.lineGap).stroke(colors.border);
        // Items of one list sit closer together than paragraphs.
        const inList = block.indent > 0 && next?.kind === "paragraph" && next.indent > 0 && !block.quote;
        doc.y += inList ? 2 : body.paragraphGap;
        doc.x = margin.left;
        return;
      }
    }
  });
}
