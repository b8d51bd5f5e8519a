import { listBatchLetters } from "@/db/queries/outbound";
import { getOption } from "@/db/queries/settings";
import { userForRoute } from "@/lib/auth/session";
import { isoDatePattern } from "@/lib/dates";
import { pdfResponse, textResponse } from "@/lib/outbound/content-response";
import { printBatchFileName, renderPrintBatch } from "@/lib/outbound/print-batch";
import { withErrorResponse } from "@/lib/http/route-errors";

/** The day's print batch: every letter sent that day in one PDF, downloaded. */
export const GET = withErrorResponse(async function handleGet(_request: Request, { params }: { params: Promise<{ date: string }> }) {
  const current = await userForRoute("settings.manage");
  if (current.denied) return current.denied;
  const { date } = await params;
  if (!isoDatePattern.test(date)) return textResponse("Date invalide.", 404);
  const letters = await listBatchLetters(current.db, date);
  if (letters.length === 0) return textResponse("Aucun courrier envoyé ce jour-là.", 404);
  const pdf = await renderPrintBatch(
    letters.map((l) => l.letter!),
    date,
    await getOption(current.db, "companyLogo"),
  );
  return pdfResponse(pdf, printBatchFileName(date), true);
});
