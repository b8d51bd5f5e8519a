import iconv from "iconv-lite";

import { createEncodingDetector } from "./encoding-detect";
import type { TextEncoding } from "./encoding-labels";

export { ENCODING_LABELS, type TextEncoding } from "./encoding-labels";

const ICONV_NAMES: Record<TextEncoding, string> = {
  "utf-8": "utf8",
  "utf-8-bom": "utf8",
  "windows-1252": "win1252",
  cp850: "cp850",
  "utf-16le": "utf16le",
};

export function iconvName(encoding: TextEncoding): string {
  return ICONV_NAMES[encoding];
}

/** Decodes a buffer; byte order marks are dropped. */
export function decodeText(buffer: Buffer, encoding: TextEncoding): string {
  return iconv.decode(buffer, ICONV_NAMES[encoding]);
}

/** Guesses the encoding of a whole buffer (see createEncodingDetector for the rules). */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  const detector = createEncodingDetector();
  detector.push(bytes);
  return detector.result().encoding;
}
