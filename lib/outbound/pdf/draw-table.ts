/**
 * Tables of the letter body (the documents and penalties clips): columns sized to their content over the full
 * width, numbers kept on one line, rows never cut, the header row repeated at the top of each new page.
 */
import { bottomLimit, type Pdf } from "./draw-text";
import type { TableBlock, TableCell } from "./html-blocks";
import { colors, fonts, margin, tableText } from "./page-layout";
import { toWinAnsi } from "./win-ansi";

const pad = 2 * tableText.padX;

function cellFont(cell: TableCell, section: "head" | "body" | "foot") {
  return cell.header || section !== "body" ? fonts.bold : fonts.regular;
}

function widthOf(doc: Pdf, text: string, font: string) {
  return doc.font(font).fontSize(tableText.size).widthOfString(toWinAnsi(text));
}

/** Browser-like automatic widths: each column gets its natural width, shrunk toward its narrowest when needed. */
function columnWidths(doc: Pdf, table: TableBlock, count: number, width: number): number[] {
  const natural = new Array<number>(count).fill(pad);
  const minimum = new Array<number>(count).fill(pad);
  for (const section of ["head", "body", "foot"] as const) {
    for (const row of table[section]) {
      row.forEach((cell, c) => {
        if (c >= count) return;
        const font = cellFont(cell, section);
        const full = widthOf(doc, cell.text, font) + pad;
        // Amounts and counts never wrap; words of labels may.
        const narrowest = cell.align === "right" && section !== "head" ? full : Math.max(...cell.text.split(/\s+/).map((w) => widthOf(doc, w, font))) + pad;
        natural[c] = Math.max(natural[c], full);
        minimum[c] = Math.max(minimum[c], narrowest);
      });
    }
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(natural) <= width) return natural.map((n) => (n / sum(natural)) * width);
  if (sum(minimum) >= width) return minimum.map((m) => (m / sum(minimum)) * width);
  const room = width - sum(minimum);
  const wanted = sum(natural) - sum(minimum);
  return minimum.map((m, c) => m + (room * (natural[c] - m)) / wanted);
}

function rowHeight(doc: Pdf, cells: TableCell[], widths: number[], section: "head" | "body" | "foot") {
  const heights = widths.map((w, c) => {
    const cell = cells[c];
    if (!cell || cell.text === "") return 0;
    doc.font(cellFont(cell, section)).fontSize(tableText.size);
    return doc.heightOfString(toWinAnsi(cell.text), { width: w - pad, lineGap: tableText.lineGap });
  });
  return Math.max(...heights, doc.currentLineHeight(true)) + 2 * tableText.padY;
}

function drawRow(doc: Pdf, cells: TableCell[], widths: number[], x: number, section: "head" | "body" | "foot", height: number) {
  const y = doc.y;
  let left = x;
  widths.forEach((w, c) => {
    if (section !== "body") doc.rect(left, y, w, height).fill(colors.headFill);
    doc.lineWidth(0.5).rect(left, y, w, height).stroke(colors.border);
    const cell = cells[c];
    if (cell?.text) {
      doc
        .font(cellFont(cell, section))
        .fontSize(tableText.size)
        .fillColor(colors.text)
        .text(toWinAnsi(cell.text), left + tableText.padX, y + tableText.padY, { width: w - pad, align: cell.align, lineGap: tableText.lineGap });
    }
    left += w;
  });
  doc.y = y + height;
}

export function drawTable(doc: Pdf, table: TableBlock, x: number, width: number) {
  const count = Math.max(...[...table.head, ...table.body, ...table.foot].map((row) => row.length));
  const widths = columnWidths(doc, table, count, width);
  const heights = (section: "head" | "body" | "foot") => table[section].map((row) => rowHeight(doc, row, widths, section));
  const head = heights("head");
  const headHeight = head.reduce((a, b) => a + b, 0);
  const drawHead = () => table.head.forEach((row, i) => drawRow(doc, row, widths, x, "head", head[i]));

  const bodyHeights = heights("body");
  const footHeights = heights("foot");
  const rows = [
    ...table.body.map((cells, i) => ({ cells, section: "body" as const, height: bodyHeights[i] })),
    ...table.foot.map((cells, i) => ({ cells, section: "foot" as const, height: footHeights[i] })),
  ];
  // The header never ends a page alone.
  if (doc.y + headHeight + (rows[0]?.height ?? 0) > bottomLimit) newPage(doc);
  drawHead();
  for (const row of rows) {
    if (doc.y + row.height > bottomLimit) {
      newPage(doc);
      drawHead();
    }
    drawRow(doc, row.cells, widths, x, row.section, row.height);
  }
  doc.x = margin.left;
}

function newPage(doc: Pdf) {
  doc.addPage();
  doc.y = margin.top;
}
