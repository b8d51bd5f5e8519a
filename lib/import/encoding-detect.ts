/**
 * Streaming encoding detection over a whole text file: every byte is read once, in chunks of any size, with
 * constant memory. A BOM decides; a file valid UTF-8 throughout is UTF-8; otherwise the code page whose French
 * characters explain more of the high bytes wins (Windows-1252 on a tie). The characters that decided are kept,
 * with their count and first line, to be shown to the user.
 */
import iconv from "iconv-lite";
import type { EncodingClue, EncodingDetection } from "./encoding-evidence";
import type { TextEncoding } from "./encoding-labels";

// Where each code page puts French characters. CP850 (DOS) uses 0x80-0x97 for lowercase accents, a range
// Windows-1252 keeps for punctuation (€ ’ “ ” …) and leaves partly undefined; `°` is 0xF8 in CP850 (ø in
// Windows-1252) and 0xB0 in Windows-1252 (░ in CP850). Bytes that are letters in both count for neither.
const CP850_WEIGHTS = weights([
  [[0x81, 0x82, 0x83, 0x84, 0x85, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x90, 0x93, 0x94, 0x96, 0x97, 0xb7, 0xf8], 1],
  // Undefined in Windows-1252: a file holding them cannot be Windows-1252.
  [[0x81, 0x8d, 0x8f, 0x90, 0x9d], 3],
]);
const CP1252_WEIGHTS = weights([
  [[0xc0, 0xc2, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xce, 0xcf, 0xd4, 0xd9, 0xdb, 0xe0, 0xe2, 0xe7, 0xe8, 0xe9, 0xea], 1],
  [[0xeb, 0xee, 0xef, 0xf4, 0xf9, 0xfb, 0xfc, 0x9c, 0xb0, 0x80, 0x92, 0xa0, 0xab, 0xbb], 1],
]);
const MAX_CLUES = 4;
// Code points from U+0800 (€, ’, “…) are counted in a map of bounded size; below, in flat tables.
const MAX_WIDE_CHARS = 64;

function weights(groups: [number[], number][]): Uint8Array {
  const table = new Uint8Array(256);
  for (const [list, weight] of groups) for (const b of list) table[b] += weight;
  return table;
}

export type EncodingDetector = {
  push(chunk: Uint8Array): void;
  /** True once a BOM has decided: the rest of the file need not be read. */
  readonly settled: boolean;
  result(): EncodingDetection;
};

export function createEncodingDetector(): EncodingDetector {
  const head: number[] = [];
  let bom: TextEncoding | null = null;
  let line = 1;
  let lastByte = -1;
  const byteCounts = new Float64Array(256);
  const byteLines = new Float64Array(256);
  // UTF-8 decoding state: continuation bytes still needed, their allowed range, the code point so far.
  let utf8 = true;
  let need = 0;
  let lo = 0x80;
  let hi = 0xbf;
  let codePoint = 0;
  let lead = 0;
  let leadLine = 0;
  let notUtf8: EncodingDetection["notUtf8"] = null;
  const narrowCounts = new Float64Array(0x800);
  const narrowLines = new Float64Array(0x800);
  const wide = new Map<number, number>();
  const wideCounts = new Float64Array(MAX_WIDE_CHARS);
  const wideLines = new Float64Array(MAX_WIDE_CHARS);

  function countChar(cp: number) {
    if (cp < 0x800) {
      if (narrowCounts[cp]++ === 0) narrowLines[cp] = line;
      return;
    }
    let slot = wide.get(cp);
    if (slot === undefined) {
      if (wide.size === MAX_WIDE_CHARS) return;
      slot = wide.size;
      wide.set(cp, slot);
      wideLines[slot] = line;
    }
    wideCounts[slot]++;
  }

  function rejectUtf8(byte: number, at: number) {
    utf8 = false;
    need = 0;
    notUtf8 = { byte, line: at };
  }

  function readHead(chunk: Uint8Array) {
    for (let i = 0; i < chunk.length && head.length < 3; i++) head.push(chunk[i]);
    if (head[0] === 0xff && head[1] === 0xfe) bom = "utf-16le";
    else if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) bom = "utf-8-bom";
  }

  function push(chunk: Uint8Array) {
    if (bom) return;
    if (head.length < 3) readHead(chunk);
    if (bom) return;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b < 0x80) {
        if (need !== 0) rejectUtf8(lead, leadLine);
        if (b === 10) {
          if ((i > 0 ? chunk[i - 1] : lastByte) !== 13) line++;
        } else if (b === 13) line++;
        continue;
      }
      if (byteCounts[b]++ === 0) byteLines[b] = line;
      if (!utf8) continue;
      if (need === 0) {
        lead = b;
        leadLine = line;
        lo = 0x80;
        hi = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
          need = 1;
          codePoint = b & 0x1f;
        } else if (b >= 0xe0 && b <= 0xef) {
          need = 2;
          codePoint = b & 0x0f;
          if (b === 0xe0) lo = 0xa0;
          else if (b === 0xed) hi = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          need = 3;
          codePoint = b & 0x07;
          if (b === 0xf0) lo = 0x90;
          else if (b === 0xf4) hi = 0x8f;
        } else rejectUtf8(b, line);
      } else if (b < lo || b > hi) {
        rejectUtf8(lead, leadLine);
      } else {
        codePoint = (codePoint << 6) | (b & 0x3f);
        lo = 0x80;
        hi = 0xbf;
        if (--need === 0) countChar(codePoint);
      }
    }
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1];
  }

  function result(): EncodingDetection {
    if (bom) return { encoding: bom, basis: "bom", clues: [], rejected: null, notUtf8: null };
    const highBytes = byteCounts.reduce((sum, n) => sum + n, 0);
    // A sequence cut by the end of the file is forgiven once the file has shown complete ones.
    const sawUtf8 = wide.size > 0 || narrowCounts.some((n) => n > 0);
    if (utf8 && need !== 0 && !sawUtf8) rejectUtf8(lead, leadLine);
    if (utf8 && highBytes === 0) return { encoding: "utf-8", basis: "ascii", clues: [], rejected: null, notUtf8: null };
    if (utf8) return { encoding: "utf-8", basis: "utf-8", clues: utf8Clues(), rejected: "windows-1252", notUtf8: null };
    let cp850 = 0;
    let cp1252 = 0;
    for (let b = 0x80; b < 256; b++) {
      cp850 += byteCounts[b] * CP850_WEIGHTS[b];
      cp1252 += byteCounts[b] * CP1252_WEIGHTS[b];
    }
    const encoding = cp850 > cp1252 ? "cp850" : "windows-1252";
    const rejected = encoding === "cp850" ? "windows-1252" : "cp850";
    const weight = encoding === "cp850" ? CP850_WEIGHTS : CP1252_WEIGHTS;
    const candidates: { bytes: number[]; count: number; firstLine: number; weighs: boolean }[] = [];
    for (let b = 0x80; b < 256; b++) {
      if (byteCounts[b] > 0) candidates.push({ bytes: [b], count: byteCounts[b], firstLine: byteLines[b], weighs: weight[b] > 0 });
    }
    // The bytes that scored for the winner; when none did (a default), the most frequent ones.
    const scored = candidates.filter((c) => c.weighs);
    return { encoding, basis: "code-page", clues: toClues(scored.length > 0 ? scored : candidates, encoding, rejected), rejected, notUtf8 };
  }

  function utf8Clues(): EncodingClue[] {
    const found: { bytes: number[]; count: number; firstLine: number }[] = [];
    for (let cp = 0x80; cp < 0x800; cp++) {
      if (narrowCounts[cp] > 0) found.push({ bytes: [...Buffer.from(String.fromCodePoint(cp))], count: narrowCounts[cp], firstLine: narrowLines[cp] });
    }
    for (const [cp, slot] of wide) {
      found.push({ bytes: [...Buffer.from(String.fromCodePoint(cp))], count: wideCounts[slot], firstLine: wideLines[slot] });
    }
    return toClues(found, "utf-8", "windows-1252");
  }

  return {
    push,
    get settled() {
      return bom !== null;
    },
    result,
  };
}

const ICONV: Partial<Record<TextEncoding, string>> = { "utf-8": "utf8", "windows-1252": "win1252", cp850: "cp850" };

/** The most frequent characters, shown in the order the file reaches them. */
function toClues(
  found: { bytes: number[]; count: number; firstLine: number }[],
  encoding: TextEncoding,
  rejected: TextEncoding,
): EncodingClue[] {
  return found
    .sort((a, b) => b.count - a.count || a.firstLine - b.firstLine)
    .slice(0, MAX_CLUES)
    .sort((a, b) => a.firstLine - b.firstLine)
    .map(({ bytes, count, firstLine }) => ({
      char: iconv.decode(Buffer.from(bytes), ICONV[encoding]!),
      bytes,
      count,
      firstLine,
      readAs: iconv.decode(Buffer.from(bytes), ICONV[rejected]!),
    }));
}
