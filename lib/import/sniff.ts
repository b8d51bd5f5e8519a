import { type FileHandle, open } from "node:fs/promises";
import { sniffCsvHead, type Separator } from "./csv";
import type { TextEncoding } from "./encoding";
import { createEncodingDetector } from "./encoding-detect";
import type { EncodingDetection } from "./encoding-evidence";
import { readZipDirectory, zipSizesAreHonest, ZipFormatError } from "./zip";

export const FILE_MESSAGES = {
  empty: "Fichier vide : il ne contient aucune ligne à importer.",
  unsupported: "Ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier texte (CSV/TXT).",
  xls: "Format .xls (Excel 97-2003) non pris en charge : enregistrez le fichier au format .xlsx ou CSV.",
  xlsb: "Format .xlsb (classeur binaire Excel) non pris en charge : enregistrez le fichier au format .xlsx ou CSV.",
  protected: "Classeur protégé par un mot de passe : retirez la protection dans Excel puis importez-le à nouveau.",
  corrupt: "Classeur Excel endommagé : l'archive .xlsx est illisible.",
  bomb: "Fichier compressé suspect (taux de compression anormal) : import refusé.",
} as const;

export const MAX_UNCOMPRESSED_BYTES = 2 * 1024 ** 3;
export const MAX_COMPRESSION_RATIO = 200;

const HEAD_BYTES = 64 * 1024;
const SCAN_CHUNK_BYTES = 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type SniffResult =
  | { ok: true; kind: "xlsx" }
  | { ok: true; kind: "csv"; encoding: TextEncoding; separator: Separator; encodingEvidence: EncodingDetection | null }
  | { ok: false; reason: string };

/**
 * What an uploaded file really is, judged from its bytes (the name only refines a message): an xlsx
 * workbook that is safe to unzip, or a text file with its encoding (read over the whole file, with the
 * characters that decided it) and its separator (guessed from the head). A `knownEncoding` is taken as it is,
 * without reading the whole file for it, and gives no evidence.
 */
export async function sniffFile(path: string, fileName: string, knownEncoding?: TextEncoding): Promise<SniffResult> {
  const file = await open(path, "r");
  try {
    const size = (await file.stat()).size;
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await file.read(head, 0, head.length, 0);
    if (size === 0) return { ok: false, reason: FILE_MESSAGES.empty };
    if (startsWith(head, ZIP_MAGIC)) return await checkWorkbook(path, size);
    if (startsWith(head, EMPTY_ZIP_MAGIC)) return { ok: false, reason: FILE_MESSAGES.unsupported };
    if (startsWith(head, OLE_MAGIC)) {
      // Excel stores password-protected .xlsx files in the same container as old .xls files.
      const protectedXlsx = /\.xls[xm]$/i.test(fileName);
      return { ok: false, reason: protectedXlsx ? FILE_MESSAGES.protected : FILE_MESSAGES.xls };
    }
    if (!looksLikeText(head)) return { ok: false, reason: FILE_MESSAGES.unsupported };
    let encoding = knownEncoding;
    let encodingEvidence: EncodingDetection | null = null;
    if (!encoding) {
      encodingEvidence = await detectFileEncoding(file, head);
      encoding = encodingEvidence.encoding;
    }
    const { separator, lines } = sniffCsvHead(head, size <= head.length, encoding);
    if (lines.every((line) => line.trim() === "")) return { ok: false, reason: FILE_MESSAGES.empty };
    return { ok: true, kind: "csv", encoding, separator, encodingEvidence };
  } finally {
    await file.close();
  }
}

/** Streams the whole file through the encoding detector, the head already read included, in one reused buffer. */
async function detectFileEncoding(file: FileHandle, head: Buffer): Promise<EncodingDetection> {
  const detector = createEncodingDetector();
  detector.push(head);
  const buffer = Buffer.alloc(SCAN_CHUNK_BYTES);
  let position = head.length;
  while (!detector.settled) {
    const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    detector.push(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return detector.result();
}

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((byte, i) => buffer[i] === byte);
}

/** Text has no NUL byte (unless UTF-16) and almost no other control character. */
function looksLikeText(head: Buffer): boolean {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return true;
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) return false;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 26) controls++;
  }
  return controls <= head.length / 100;
}

async function checkWorkbook(path: string, size: number): Promise<SniffResult> {
  let entries;
  try {
    entries = await readZipDirectory(path);
  } catch (error) {
    if (error instanceof ZipFormatError) return { ok: false, reason: FILE_MESSAGES.corrupt };
    throw error;
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !entries.some((e) => e.name.startsWith("xl/"))) {
    return { ok: false, reason: FILE_MESSAGES.unsupported };
  }
  if (names.has("xl/workbook.bin")) return { ok: false, reason: FILE_MESSAGES.xlsb };
  if (!names.has("xl/workbook.xml")) return { ok: false, reason: FILE_MESSAGES.corrupt };
  if (entries.some((e) => e.encrypted)) return { ok: false, reason: FILE_MESSAGES.protected };
  const uncompressed = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (uncompressed > MAX_UNCOMPRESSED_BYTES || uncompressed / size > MAX_COMPRESSION_RATIO) {
    return { ok: false, reason: FILE_MESSAGES.bomb };
  }
  try {
    if (!(await zipSizesAreHonest(path, entries))) return { ok: false, reason: FILE_MESSAGES.bomb };
  } catch (error) {
    if (error instanceof ZipFormatError) return { ok: false, reason: FILE_MESSAGES.corrupt };
    throw error;
  }
  return { ok: true, kind: "xlsx" };
}
