/** The day's print batch: every letter sent that day, redrawn into one PDF to print in one go. */
import type { Options } from "@/lib/settings/options";
import { formatDate } from "@/lib/format/fr";
import { type LetterPdfInput, renderLettersPdf } from "./letter-pdf";

export function renderPrintBatch(letters: Record<string, unknown>[], date: string, logo: Options["companyLogo"]): Promise<Buffer> {
  // Letters are stored without the logo (it would weigh on every row): the current one goes back on.
  const inputs = letters.map((letter) => ({ ...(letter as LetterPdfInput), logo }));
  return renderLettersPdf(inputs, { title: `Courriers du ${formatDate(date)}`, author: inputs[0]?.company.name ?? "" });
}

export const printBatchFileName = (date: string) => `courriers-${date}.pdf`;
