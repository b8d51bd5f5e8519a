/**
 * SMS length and segment count as the networks bill them (GSM 03.38 / 3GPP TS 23.038).
 * A text made only of GSM-7 characters costs 160 septets in one SMS, 153 per part when split (the rest of each
 * part holds the concatenation header); one character outside that set switches the whole text to UCS-2:
 * 70 UTF-16 units in one SMS, 67 per part. Characters of the extension table (€, [, ], {, }, \, ^, ~, |, form feed)
 * take two septets, and a part never splits such a pair, nor a UTF-16 surrogate pair.
 */

// Basic character set. French: é è ù ì ò à É Ç are here; ç, ê, â, î, ô, û, ë, ï, œ, « » and no-break spaces are not.
const gsmBasic = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const gsmExtension = new Set("\f^{}\\[~]|€");

export type SmsEncoding = "GSM-7" | "UCS-2";
export type SmsSegments = { encoding: SmsEncoding; length: number; segments: number };

const limits = {
  "GSM-7": { single: 160, part: 153 },
  "UCS-2": { single: 70, part: 67 },
} as const;

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!gsmBasic.has(ch) && !gsmExtension.has(ch)) return "UCS-2";
  return "GSM-7";
}

/** Encoding, length in the encoding's units (septets or UTF-16 units) and number of SMS the text costs. */
export function smsSegments(text: string): SmsSegments {
  const encoding = smsEncoding(text);
  const units = Array.from(text, (ch) => (encoding === "GSM-7" ? (gsmExtension.has(ch) ? 2 : 1) : ch.length));
  const length = units.reduce((total, n) => total + n, 0);
  const { single, part } = limits[encoding];
  if (length === 0) return { encoding, length, segments: 0 };
  if (length <= single) return { encoding, length, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const n of units) {
    if (used + n > part) {
      segments += 1;
      used = 0;
    }
    used += n;
  }
  return { encoding, length, segments };
}
