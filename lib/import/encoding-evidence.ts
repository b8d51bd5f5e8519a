/** Why a text file's encoding was chosen, and the sentence the wizard shows: no Node.js code. */
import { formatInteger } from "@/lib/format/fr";
import type { TextEncoding } from "./encoding-labels";

/** One character that weighed in the choice, as read in the chosen encoding. */
export type EncodingClue = {
  char: string;
  bytes: number[];
  count: number;
  /** 1-based line of the first occurrence. */
  firstLine: number;
  /** The same bytes read in the rejected encoding. */
  readAs: string;
};

export type EncodingDetection = {
  encoding: TextEncoding;
  /** bom: the byte order mark decides; ascii: no byte above 127; utf-8: valid UTF-8 throughout; code-page: counted. */
  basis: "bom" | "ascii" | "utf-8" | "code-page";
  clues: EncodingClue[];
  /** The encoding `readAs` refers to. */
  rejected: TextEncoding | null;
  /** The first byte that ruled UTF-8 out, for a code page chosen over it. */
  notUtf8: { byte: number; line: number } | null;
};

const SHORT_NAMES: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 avec BOM",
  "windows-1252": "Windows-1252",
  cp850: "CP850",
  "utf-16le": "UTF-16",
};

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;

/** « Encodage CP850 déduit de : ° ×3 (1re à la ligne 2 104), é ×12 (ligne 2 180) ; lus ø, ‚ en Windows-1252. » */
export function describeEncodingDetection(detection: EncodingDetection): string {
  const name = SHORT_NAMES[detection.encoding];
  if (detection.basis === "bom") return `Encodage ${name} indiqué par la marque BOM en tête du fichier.`;
  if (detection.basis === "ascii") return "Aucun caractère accentué dans le fichier : tous les encodages proposés le lisent à l'identique.";
  const clues = detection.clues
    .map((c, i) => `${c.char} ×${formatInteger(c.count)} (${i === 0 ? "1re à la " : ""}ligne ${formatInteger(c.firstLine)})`)
    .join(", ");
  const misread = detection.rejected && detection.clues.length > 0
    ? ` ; ${detection.clues.length > 1 ? "lus" : "lu"} ${detection.clues.map((c) => c.readAs).join(", ")} en ${SHORT_NAMES[detection.rejected]}`
    : "";
  const notUtf8 = detection.notUtf8
    ? `Pas de l'UTF-8 (octet ${hex(detection.notUtf8.byte)} à la ligne ${formatInteger(detection.notUtf8.line)}). `
    : "";
  return clues ? `${notUtf8}Encodage ${name} déduit de : ${clues}${misread}.` : `${notUtf8}Encodage ${name} retenu par défaut.`;
}
