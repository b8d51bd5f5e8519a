import { crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { sampleLogoPng } from "@/lib/testing/png";
import { checkAttachment, cleanFileName, MAX_ATTACHMENT_BYTES, zipEntryNames } from "./file-type";

/** A zip whose entries are stored uncompressed, as small as the format allows. */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** The first sector of an OLE compound file, then a directory naming `streams` in UTF-16. */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.concat(streams.map((name) => Buffer.concat([Buffer.from(name, "utf16le"), Buffer.alloc(128 - name.length * 2)])));
  return Buffer.concat([header, directory]);
}

const kindOf = (bytes: Uint8Array, name = "piece") => {
  const check = checkAttachment(bytes, name);
  return check.ok ? check.kind : check.error;
};

describe("checkAttachment", () => {
  it("recognises PDF, images, Word, Excel and e-mails by their bytes whatever their name", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Relevé").addRow(["FA-2026-001", 1200.5]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const docx = storedZip({ "[Content_Types].xml": types, "word/document.xml": "<w:document/>" });
    const eml = "Return-Path: <compta@client.fr>\r\nFrom: Compta <compta@client.fr>\r\nTo: relances@encaisse.fr\r\n"
      + "Subject: =?utf-8?q?R=C3=A8glement?=\r\n\tFA-2026-001\r\nDate: Fri, 4 Dec 2026 10:00:00 +0100\r\n\r\nBonjour,\r\n";
    expect(kindOf(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), "facture.png")).toBe("pdf");
    expect(kindOf(sampleLogoPng(), "logo.pdf")).toBe("png");
    expect(kindOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]))).toBe("jpeg");
    expect(kindOf(Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"))).toBe("gif");
    expect(kindOf(Buffer.concat([Buffer.from("RIFF"), Buffer.from([26, 0, 0, 0]), Buffer.from("WEBPVP8L")]))).toBe("webp");
    expect(kindOf(xlsx, "releve.docx")).toBe("xlsx");
    expect(kindOf(docx, "courrier.xlsx")).toBe("docx");
    expect(kindOf(Buffer.from(eml), "mail.txt")).toBe("eml");
    expect(kindOf(compoundFile(["Root Entry", "__substg1.0_0037001F", "__properties_version1.0"]), "mail.doc")).toBe("msg");
    expect(checkAttachment(xlsx, "releve.xlsx")).toMatchObject({ contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  });

  it("refuses a program renamed as a PDF, a plain zip, an old Office file and plain text", () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(56), Buffer.from("This program cannot be run in DOS mode.")]);
    expect(kindOf(exe, "facture.pdf")).toBe(
      "Type de fichier non accepté : « facture.pdf ». Formats acceptés : PDF, PNG, JPEG, GIF, WebP, Excel (.xlsx), Word (.docx), e-mail (.eml, .msg).",
    );
    expect(kindOf(storedZip({ "facture.pdf": "%PDF-1.4" }), "pieces.xlsx")).toMatch(/^Type de fichier non accepté : archive zip\./);
    // A zip with an xl/ folder but without the Office manifest is not a workbook.
    expect(kindOf(storedZip({ "xl/workbook.xml": "<workbook/>" }))).toMatch(/archive zip\./);
    expect(kindOf(compoundFile(["Root Entry", "WordDocument"]), "ancien.msg")).toMatch(/document Office 97-2003/);
    expect(kindOf(Buffer.from("Bonjour,\nVoici le relevé.\n"), "note.eml")).toMatch(/« note\.eml »/);
    expect(kindOf(Buffer.from("From: a@b.fr\n\nsans autre en-tête"))).toMatch(/non accepté/);
    expect(kindOf(Buffer.from("PK\x03\x04tronqué", "latin1"))).toMatch(/archive zip illisible/);
  });

  it("refuses an empty file and one over 20 Mo, and accepts exactly 20 Mo", () => {
    expect(kindOf(new Uint8Array(0))).toBe("Fichier vide : choisissez un autre fichier.");
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    big.write("%PDF-1.7");
    expect(kindOf(big)).toBe("Fichier trop volumineux (max. 20 Mo).");
    expect(kindOf(big.subarray(0, MAX_ATTACHMENT_BYTES))).toBe("pdf");
  });
});

describe("zipEntryNames", () => {
  it("lists the names of the central directory", () => {
    expect(zipEntryNames(storedZip({ "a.txt": "1", "dossier/b.txt": "22" }))).toEqual(["a.txt", "dossier/b.txt"]);
  });
});

describe("cleanFileName", () => {
  it("keeps the last part of a path and drops control characters", () => {
    expect(cleanFileName("C:\\Users\\compta\\Relevé\u0007 mars.pdf")).toBe("Relevé mars.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("  ")).toBe("fichier");
  });
});
