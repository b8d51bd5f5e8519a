/**
 * The parts of a letter the layout places itself: the postal mention (above the subject) and the signature (under
 * the closing formula). A template that also writes them in its body would print them twice, so they are taken out
 * of the body here; the closing formula, the body's last paragraph, is set apart to stay on the signature's page.
 */
import type { Block, Paragraph } from "./html-blocks";

export type LetterParts = {
  body: Block[];
  closing: Paragraph | null;
  /** « Lettre recommandée avec accusé de réception » when the body wrote it as a paragraph of its own. */
  postalMention: string | null;
  /** The signature is inside a paragraph of the body with other text: the layout does not add it again. */
  signatureInBody: boolean;
};

const squash = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();
const paragraphText = (p: Paragraph) => p.runs.map((r) => r.text).join("");
const mentionPattern = /^lettre recommandée avec (accusé de réception|a\.?\s?r\.?)\.?$/i;

export function letterParts(blocks: Block[], signature: string | null | undefined): LetterParts {
  const signed = squash(signature ?? "");
  let postalMention: string | null = null;
  let signatureInBody = false;
  const body = blocks.filter((block) => {
    if (block.kind !== "paragraph") return true;
    const text = squash(paragraphText(block));
    if (mentionPattern.test(text)) {
      postalMention ??= paragraphText(block).trim();
      return false;
    }
    if (signed && text === signed) return false;
    if (signed && text.includes(signed)) signatureInBody = true;
    return true;
  });
  while (body.at(-1)?.kind === "blank") body.pop();
  const last = body.at(-1);
  const closing = last?.kind === "paragraph" && !last.marker ? last : null;
  if (closing) body.pop();
  return { body, closing, postalMention, signatureInBody };
}
