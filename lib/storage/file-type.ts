/** Which files may be attached to a discussion or a client, judged from their bytes, never from their name. */

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const ATTACHMENT_MESSAGES = {
  tooLarge: "Fichier trop volumineux (max. 20 Mo).",
  empty: "Fichier vide : choisissez un autre fichier.",
  accepted: "Formats acceptés : PDF, PNG, JPEG, GIF, WebP, Excel (.xlsx), Word (.docx), e-mail (.eml, .msg).",
} as const;

export type AttachmentKind = "pdf" | "png" | "jpeg" | "gif" | "webp" | "xlsx" | "docx" | "eml" | "msg";

export const CONTENT_TYPES: Record<AttachmentKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  eml: "message/rfc822",
  msg: "application/vnd.ms-outlook",
};

export type AttachmentCheck =
  | { ok: true; kind: AttachmentKind; contentType: string }
  | { ok: false; reason: "tooLarge" | "empty" | "type"; error: string };

const refused = (what: string): AttachmentCheck => ({
  ok: false,
  reason: "type",
  error: `Type de fichier non accepté : ${what}. ${ATTACHMENT_MESSAGES.accepted}`,
});

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Outlook stores every property of a message in streams named "__substg1.0_…" (MS-OXMSG §2.1).
const MSG_STREAM = Buffer.from("__substg1.0_", "utf16le");

export function checkAttachment(bytes: Uint8Array, fileName: string): AttachmentCheck {
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: "tooLarge", error: ATTACHMENT_MESSAGES.tooLarge };
  if (bytes.length === 0) return { ok: false, reason: "empty", error: ATTACHMENT_MESSAGES.empty };
  const kind = detectKind(bytes);
  if (typeof kind === "string") return { ok: true, kind, contentType: CONTENT_TYPES[kind] };
  return refused(kind.what ?? `« ${displayName(fileName)} »`);
}

function detectKind(bytes: Uint8Array): AttachmentKind | { what?: string } {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(bytes);
    if (names === null) return { what: "archive zip illisible" };
    const office = names.includes("[Content_Types].xml");
    if (office && names.some((n) => n.startsWith("xl/"))) return "xlsx";
    if (office && names.some((n) => n.startsWith("word/"))) return "docx";
    return { what: "archive zip" };
  }
  if (startsWith(bytes, OLE)) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(MSG_STREAM)
      ? "msg"
      : { what: "document Office 97-2003 (enregistrez-le en .xlsx ou .docx)" };
  }
  if (looksLikeEmail(bytes)) return "eml";
  return {};
}

const HEADER_LINE = /^[!-9;-~]+:/;
const EMAIL_HEADERS = ["from", "date", "subject", "to", "message-id", "received", "mime-version", "return-path"];

/** An RFC 5322 message: a block of header fields (From: and at least one other known one), then the body. */
function looksLikeEmail(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024));
  if (head.includes(0)) return false;
  const lines = head.toString("latin1").split(/\r?\n/);
  const names = new Set<string>();
  for (const line of lines) {
    if (line === "") break;
    if (/^[ \t]/.test(line) && names.size > 0) continue;
    if (!HEADER_LINE.test(line)) return false;
    names.add(line.slice(0, line.indexOf(":")).toLowerCase());
  }
  return names.has("from") && EMAIL_HEADERS.filter((n) => names.has(n)).length >= 2;
}

/** The entry names of a zip held in memory, from its central directory (APPNOTE.TXT §4.3); null when malformed. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    if (at + 46 + nameLength > zip.length) return null;
    names.push(zip.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The name shown and sent back on download: no folders, no control characters, at most 200 characters. */
export function cleanFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base.slice(0, 200) || "fichier";
}

const displayName = (fileName: string) => cleanFileName(fileName).slice(0, 80);
