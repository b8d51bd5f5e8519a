/** Measurements of the letter on A4, in PDF points, and its type styles. */

export const mm = (value: number) => (value * 72) / 25.4;

export const page = { width: mm(210), height: mm(297) };

export const margin = { left: mm(20), right: mm(20), top: mm(22), bottom: mm(25) };

export const contentWidth = page.width - margin.left - margin.right;

/** The address as a right-hand window envelope (DL, 110 × 220 mm) shows it once the letter is folded in three. */
export const windowBlock = { x: mm(108), y: mm(48), width: mm(82) };

export const fonts = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
  boldItalic: "Helvetica-BoldOblique",
} as const;

export const colors = { text: "#18181b", muted: "#52525b", rule: "#a1a1aa", border: "#d4d4d8", headFill: "#f4f4f5", link: "#1d4ed8" };

export const body = { size: 10, lineGap: 1.8, paragraphGap: 5.5 };
export const tableText = { size: 8.5, lineGap: 1, padX: 5, padY: 2.8 };
export const footerText = { size: 7.5, lineGap: 1 };
