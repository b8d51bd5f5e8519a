import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, detectEncoding } from "./encoding";

const FRENCH = "Code client;Raison sociale;Libellé;Échéance;Montant\nC001;Société Générale;Facture réglée à Noël, reçu;12/12/2026;1 234,56\n";

describe("detectEncoding", () => {
  it("recognises a UTF-8 BOM, plain UTF-8 and ASCII", () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH)]))).toBe("utf-8-bom");
    expect(detectEncoding(Buffer.from(FRENCH, "utf8"))).toBe("utf-8");
    expect(detectEncoding(Buffer.from("a;b\n1;2\n"))).toBe("utf-8");
  });

  it("keeps UTF-8 when the sample cuts a multi-byte character in two", () => {
    const bytes = Buffer.from("Société é", "utf8");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe("utf-8");
  });

  it("recognises Windows-1252 text, euro sign and apostrophes included", () => {
    const bytes = iconv.encode(`${FRENCH}C002;L’Atelier;Avoir n° 12 € ;01/01/2027;-10,00\n`, "win1252");
    expect(bytes.includes(0xe9)).toBe(true);
    expect(detectEncoding(bytes)).toBe("windows-1252");
    expect(decodeText(bytes, "windows-1252")).toContain("L’Atelier;Avoir n° 12 €");
  });

  it("recognises CP850 (DOS) text by where its accented letters sit", () => {
    const bytes = iconv.encode(FRENCH, "cp850");
    expect(bytes.includes(0x82)).toBe(true);
    expect(detectEncoding(bytes)).toBe("cp850");
    expect(decodeText(bytes, "cp850")).toBe(FRENCH);
  });

  it("recognises Excel's Unicode text (UTF-16 with BOM)", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Client\tMontant\n", "utf16le")]);
    expect(detectEncoding(bytes)).toBe("utf-16le");
    expect(decodeText(bytes, "utf-16le")).toBe("Client\tMontant\n");
  });
});
