import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";

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

// French accented letters: where each code page puts them. CP850 (DOS) uses 0x80-0x97 for lowercase
// accents, a range Windows-1252 keeps for punctuation (€ ’ “ ” …) and leaves partly undefined.
const CP850_LETTERS = bytes([
  0x81, 0x82, 0x83, 0x84, 0x85, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x90, 0x93, 0x94, 0x96, 0x97,
]);
const CP1252_LETTERS = bytes([
  0xc0, 0xc2, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xce, 0xcf, 0xd4, 0xd9, 0xdb, 0xe0, 0xe2, 0xe7, 0xe8, 0xe9, 0xea, 0xeb,
  0xee, 0xef, 0xf4, 0xf9, 0xfb, 0xfc, 0x9c, 0xb0,
]);
const CP1252_UNDEFINED = bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function bytes(list: number[]): Uint8Array {
  const table = new Uint8Array(256);
  for (const b of list) table[b] = 1;
  return table;
}

/**
 * Guesses a text file's encoding from its first bytes: a BOM decides; valid UTF-8 is UTF-8; otherwise the
 * code page whose French letters explain more of the high bytes (Windows-1252 unless CP850 wins).
 */
export function detectEncoding(sample: Buffer): TextEncoding {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf-8-bom";
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return "utf-16le";
  if (isUtf8(sample.subarray(0, completeUtf8Length(sample)))) return "utf-8";
  let cp850 = 0;
  let cp1252 = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b < 0x80) continue;
    if (CP1252_UNDEFINED[b]) cp850 += 3;
    cp850 += CP850_LETTERS[b];
    cp1252 += CP1252_LETTERS[b];
  }
  return cp850 > cp1252 ? "cp850" : "windows-1252";
}

/** Length of the sample without a multi-byte sequence cut by the end of the sample. */
function completeUtf8Length(sample: Buffer): number {
  for (let back = 1; back <= 3 && back <= sample.length; back++) {
    const b = sample[sample.length - back];
    if (b < 0x80) return sample.length;
    if (b >= 0xc0) {
      const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return needed > back ? sample.length - back : sample.length;
    }
  }
  return sample.length;
}
