import { getOption } from "@/db/queries/settings";
import { userForRoute } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { renderLetterPdf } from "@/lib/outbound/letter-pdf";
import { sampleLetterInput } from "@/lib/outbound/sample-letter";
import { withErrorResponse } from "@/lib/http/route-errors";

/** A sample letter with the company's current letterhead, footer and signature, opened in the browser. */
export const GET = withErrorResponse(async function handleGet() {
  const current = await userForRoute("settings.manage");
  if (current.denied) return current.denied;
  const [company, logo, ratePercent] = await Promise.all([
    getOption(current.db, "company"),
    getOption(current.db, "companyLogo"),
    getOption(current.db, "latePaymentRatePercent"),
  ]);
  const pdf = await renderLetterPdf(sampleLetterInput({ company, logo, ratePercent, today: today() }));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="courrier-exemple.pdf"',
      "Cache-Control": "no-store",
    },
  });
});
