import { describe, expect, it } from "vitest";
import type { TemplateDocument } from "@/lib/templates";
import { plainTextToHtml } from "./client-email";
import { statementTotals } from "./statement-pdf";

const doc = (dueDate: string, openAmount: string, extra: Partial<TemplateDocument> = {}): TemplateDocument => ({
  type: "invoice",
  number: `F-${dueDate}`,
  issueDate: "2026-09-01",
  dueDate,
  amount: openAmount,
  openAmount,
  ...extra,
});

describe("statementTotals", () => {
  it("splits the open amounts by due date before or from today, credits counting negative, other currencies left out", () => {
    const totals = statementTotals(
      [
        doc("2026-11-30", "1000.10"),
        doc("2026-12-03", "0.15"),
        // Due today: not yet late.
        doc("2026-12-04", "250.00"),
        doc("2026-10-15", "-99.99", { type: "credit_note" }),
        doc("2026-10-01", "5000.00", { currency: "USD" }),
      ],
      "2026-12-04",
    );
    // Échu: 1 000,10 + 0,15 − 99,99 = 900,26; non échu: 250,00; total 1 150,26.
    expect(totals).toEqual({ overdue: "900.26", notDue: "250.00", total: "1150.26", otherCurrencies: 1 });
  });
});

describe("plainTextToHtml", () => {
  it("makes paragraphs at blank lines, keeps line breaks and escapes what was typed", () => {
    expect(plainTextToHtml("Bonjour,\r\n\r\nLe <b>total</b> & le reste\nà payer.\n\n\n  ")).toBe("<p>Bonjour,</p>\n<p>Le &lt;b&gt;total&lt;/b&gt; &amp; le reste<br>à payer.</p>");
  });
});
