/**
 * The standard PDF fonts (Helvetica) only have the WinAnsi characters. Intl writes fr-FR amounts with a narrow
 * no-break space (1 234,56 €), which has no glyph there: such characters are mapped to their nearest WinAnsi
 * equivalent so the text prints and still never breaks inside an amount.
 */

const replacements: Record<string, string> = {
  "\u202f": "\u00a0", // narrow no-break space: thousands separator and before « : » in fr-FR
  "\u2009": "\u00a0", // thin space
  "\u2007": "\u00a0", // figure space
  "\u2008": "\u00a0", // punctuation space
  "\u2002": " ",
  "\u2003": " ",
  "\u2004": " ",
  "\u2005": " ",
  "\u2006": " ",
  "\u200a": " ",
  "\t": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "–",
  "\u2212": "-",
  "\u2015": "—",
  "\u2032": "'",
  "\u2033": '"',
  "\u2024": ".",
  "\u2192": "->",
  "\u2190": "<-",
  "\u200b": "", // zero-width space and joiners
  "\u200c": "",
  "\u200d": "",
  "\u2060": "",
  "\ufeff": "",
  "\u00ad": "", // soft hyphen: the letter never hyphenates
};

// The 0x80–0x9F range of Windows-1252, which is where WinAnsi differs from Latin-1.
const windowsExtras = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const isWinAnsi = (ch: string) => {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || ch === "\n" || windowsExtras.has(ch);
};

/** Text the standard fonts can print: the same characters where they exist, a close one otherwise, else "?". */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const replacement = replacements[ch];
    if (replacement !== undefined) out += replacement;
    else if (isWinAnsi(ch)) out += ch;
    else {
      // A letter with an accent WinAnsi lacks (ő, ę…) keeps its base letter rather than becoming "?".
      const base = ch.normalize("NFD")[0];
      out += base !== ch && isWinAnsi(base) ? base : "?";
    }
  }
  return out;
}
