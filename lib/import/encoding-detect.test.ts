import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createEncodingDetector } from "./encoding-detect";
import { describeEncodingDetection } from "./encoding-evidence";

// 1 500 lines of 51 bytes: 76 500 bytes of ASCII, more than the 64 KB head the separator is sniffed from.
const ASCII_LINE = "VE|Ventes|20260115|411000|CLI001|FA0001|100,00|0,0\n";
const ASCII_HEAD = ASCII_LINE.repeat(1500);
const LATE_LINES = "VE|Facture n° 12 réglée|100,00\nVE|Avoirs n° 13 et n° 14|50,00\n";

/** Feeds the bytes in chunks of the given sizes (the last size repeats until the end). */
function detect(bytes: Buffer, sizes: number[] = [65536]) {
  const detector = createEncodingDetector();
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = sizes[Math.min(i, sizes.length - 1)];
    detector.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return detector.result();
}

describe("createEncodingDetector", () => {
  it("finds CP850 from a ° and an é that only appear after the first 64 KB", () => {
    const bytes = Buffer.concat([Buffer.from(ASCII_HEAD), iconv.encode(LATE_LINES, "cp850")]);
    expect(bytes.indexOf(0xf8)).toBe(76_500 + 12);
    expect(detect(bytes)).toEqual({
      encoding: "cp850",
      basis: "code-page",
      clues: [
        { char: "°", bytes: [0xf8], count: 3, firstLine: 1501, readAs: "ø" },
        { char: "é", bytes: [0x82], count: 2, firstLine: 1501, readAs: "‚" },
      ],
      rejected: "windows-1252",
      notUtf8: { byte: 0xf8, line: 1501 },
    });
  });

  it("finds Windows-1252 from ° (0xB0) and é (0xE9) after the first 64 KB", () => {
    const bytes = Buffer.concat([Buffer.from(ASCII_HEAD), iconv.encode(LATE_LINES, "win1252")]);
    expect(detect(bytes, [4096])).toEqual({
      encoding: "windows-1252",
      basis: "code-page",
      clues: [
        { char: "°", bytes: [0xb0], count: 3, firstLine: 1501, readAs: "░" },
        { char: "é", bytes: [0xe9], count: 2, firstLine: 1501, readAs: "Ú" },
      ],
      rejected: "cp850",
      notUtf8: { byte: 0xb0, line: 1501 },
    });
  });

  it("keeps UTF-8 for a file valid throughout, with its accents late", () => {
    const bytes = Buffer.from(`${ASCII_HEAD}${LATE_LINES}VE|Pénalité 40 €|40,00\n`, "utf8");
    expect(detect(bytes)).toEqual({
      encoding: "utf-8",
      basis: "utf-8",
      clues: [
        { char: "é", bytes: [0xc3, 0xa9], count: 4, firstLine: 1501, readAs: "Ã©" },
        { char: "°", bytes: [0xc2, 0xb0], count: 3, firstLine: 1501, readAs: "Â°" },
        { char: "€", bytes: [0xe2, 0x82, 0xac], count: 1, firstLine: 1503, readAs: "â‚¬" },
      ],
      rejected: "windows-1252",
      notUtf8: null,
    });
  });

  it("rejects UTF-8 for a single stray Windows-1252 byte after 100 KB", () => {
    const before = Buffer.from(`Libellé|Montant\n${ASCII_LINE.repeat(2100)}`, "utf8");
    expect(before.length).toBeGreaterThan(100 * 1024);
    const bytes = Buffer.concat([before, Buffer.from("VE|Caf"), Buffer.from([0xe9]), Buffer.from("|3,00\n")]);
    const result = detect(bytes);
    expect(result.encoding).toBe("windows-1252");
    expect(result.notUtf8).toEqual({ byte: 0xe9, line: 2102 });
    expect(result.clues).toEqual([{ char: "é", bytes: [0xe9], count: 1, firstLine: 2102, readAs: "Ú" }]);
  });

  it("keeps UTF-8 when characters, a BOM or a CRLF are split across chunk boundaries", () => {
    const text = Buffer.from("ab\r\nRéf 10 €\r\n😀\n", "utf8");
    // Cuts after "ab\r", inside é (C3|A9), inside € (E2|82 AC) and in every byte of the emoji.
    const result = detect(text, [3, 3, 2, 5, 2, 2, 1]);
    expect(result.encoding).toBe("utf-8");
    expect(result.clues.map((c) => [c.char, c.count, c.firstLine])).toEqual([["é", 1, 2], ["€", 1, 2], ["😀", 1, 3]]);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]);
    expect(detect(withBom, [1, 1, 1, 2]).encoding).toBe("utf-8-bom");
  });

  it("forgives a sequence cut by the end of the file only once UTF-8 has been seen", () => {
    expect(detect(Buffer.from([...Buffer.from("Réf\n"), 0xc3])).encoding).toBe("utf-8");
    const cut = detect(Buffer.from([...Buffer.from("Ref\n"), 0xc3]));
    expect(cut.encoding).toBe("windows-1252");
    expect(cut.notUtf8).toEqual({ byte: 0xc3, line: 2 });
  });

  it("counts lines ended by CRLF, LF or CR alike", () => {
    const bytes = Buffer.from("a\r\nb\nc\rd\xe9\n", "latin1");
    expect(detect(bytes, [1]).clues[0].firstLine).toBe(4);
  });

  it("reports a file without high bytes as ASCII", () => {
    expect(detect(Buffer.from(ASCII_HEAD))).toEqual({ encoding: "utf-8", basis: "ascii", clues: [], rejected: null, notUtf8: null });
  });
});

describe("describeEncodingDetection", () => {
  it("names the characters that decided, with French numbers and what the other encoding would show", () => {
    const bytes = Buffer.concat([Buffer.from(ASCII_HEAD), iconv.encode(LATE_LINES, "cp850")]);
    expect(describeEncodingDetection(detect(bytes))).toBe(
      "Pas de l'UTF-8 (octet 0xF8 à la ligne 1\u202f501). " +
        "Encodage CP850 déduit de : ° ×3 (1re à la ligne 1\u202f501), é ×2 (ligne 1\u202f501) ; lus ø, ‚ en Windows-1252.",
    );
    expect(describeEncodingDetection(detect(Buffer.from("Réf\n", "utf8")))).toBe(
      "Encodage UTF-8 déduit de : é ×1 (1re à la ligne 1) ; lu Ã© en Windows-1252.",
    );
  });
});
