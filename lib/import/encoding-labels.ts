/** The encodings a text file may use, with their French labels: no Node.js code, so the wizard can show them. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "windows-1252" | "cp850" | "utf-16le";

export const ENCODING_LABELS: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 avec BOM",
  "windows-1252": "Windows-1252 (ANSI)",
  cp850: "CP850 / IBM850 (DOS)",
  "utf-16le": "UTF-16 (Texte Unicode d'Excel)",
};
