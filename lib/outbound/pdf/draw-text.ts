/** Styled runs of text flowed by pdfkit, which breaks lines and adds pages by itself. */
import type { Run } from "./html-blocks";
import { body, colors, fonts, margin, page } from "./page-layout";
import { toWinAnsi } from "./win-ansi";

export type Pdf = PDFKit.PDFDocument;

export const bottomLimit = page.height - margin.bottom;

export function fontFor(run: Pick<Run, "bold" | "italic">): string {
  if (run.bold && run.italic) return fonts.boldItalic;
  if (run.bold) return fonts.bold;
  if (run.italic) return fonts.italic;
  return fonts.regular;
}

/** Starts a new page unless `height` points still fit above the footer. */
export function ensureSpace(doc: Pdf, height: number) {
  if (doc.y + height > bottomLimit) {
    doc.addPage();
    doc.y = margin.top;
  }
}

export function lineHeight(doc: Pdf, size: number, lineGap: number, font: string = fonts.regular): number {
  return doc.font(font).fontSize(size).currentLineHeight(true) + lineGap;
}

/** Writes runs at `x` over `width`, from the current y; the cursor ends below the last line. */
export function drawRuns(
  doc: Pdf,
  runs: Run[],
  x: number,
  width: number,
  options: { size?: number; lineGap?: number; color?: string; align?: "left" | "right" | "center" } = {},
) {
  const size = options.size ?? body.size;
  const lineGap = options.lineGap ?? body.lineGap;
  runs.forEach((run, i) => {
    doc
      .font(fontFor(run))
      .fontSize(size)
      .fillColor(run.link ? colors.link : (options.color ?? colors.text));
    const settings = {
      width,
      lineGap,
      align: options.align ?? "left",
      continued: i < runs.length - 1,
      underline: run.underline ?? false,
      strike: run.strike ?? false,
      link: run.link ?? null,
    };
    const text = toWinAnsi(run.text);
    // Only the first run is placed; the others continue where the previous one stopped.
    if (i === 0) doc.text(text, x, doc.y, settings);
    else doc.text(text, settings);
  });
  doc.fillColor(colors.text);
}

/** Plain lines, one style, at a fixed place (letterhead, addresses, footers); returns the y below them. */
export function drawLines(doc: Pdf, lines: string[], x: number, y: number, width: number, style: { font?: string; size: number; color?: string; lineGap?: number; align?: "left" | "right" | "center" }): number {
  if (lines.length === 0) return y;
  doc
    .font(style.font ?? fonts.regular)
    .fontSize(style.size)
    .fillColor(style.color ?? colors.text)
    .text(toWinAnsi(lines.join("\n")), x, y, { width, lineGap: style.lineGap ?? 1, align: style.align ?? "left" });
  doc.fillColor(colors.text);
  return doc.y;
}
