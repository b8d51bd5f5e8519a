import { describe, expect, it } from "vitest";
import { addMonths, parseFrenchMoney, paymentPlanInput, proposeInstalments, totalMismatch } from "./payment-plan-input";

const base = {
  requestId: "8b0f3c1e-7a51-4e0e-9a53-1c2f4b5d6e7f",
  clientId: "2f1d0c9b-8a7e-4d6c-b5a4-3f2e1d0c9b8a",
  documentIds: ["12", "13"],
};
const schema = paymentPlanInput("2026-12-04");

describe("paymentPlanInput", () => {
  it("reads French amounts into decimal strings and keeps the default grace", () => {
    const parsed = schema.parse({ ...base, instalments: [{ dueDate: "2026-12-04", amount: "1 000,5" }, { dueDate: "2027-01-04", amount: "499.50 €" }] });
    expect(parsed.instalments.map((i) => i.amount)).toEqual(["1000.50", "499.50"]);
    expect(parsed.documentIds).toEqual([12, 13]);
    expect(parsed.graceDays).toBe(5);
  });

  it("refuses an amount that is not positive euros and cents, in French", () => {
    const result = schema.safeParse({ ...base, instalments: [{ dueDate: "2026-12-10", amount: "0" }, { dueDate: "2026-12-20", amount: "10,001" }] });
    expect(result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "instalments.0.amount: Indiquez un montant positif, en euros et centimes.",
      "instalments.1.amount: Indiquez un montant positif, en euros et centimes.",
    ]);
  });

  it("refuses a date in the past and dates that do not strictly increase", () => {
    const result = schema.safeParse({
      ...base,
      instalments: [
        { dueDate: "2026-12-03", amount: "10,00" },
        { dueDate: "2026-12-20", amount: "10,00" },
        { dueDate: "2026-12-20", amount: "10,00" },
      ],
    });
    expect(result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "instalments.0.dueDate: Une échéance ne peut pas être dans le passé.",
      "instalments.2.dueDate: Chaque échéance doit suivre la précédente.",
    ]);
  });

  it("asks for at least one pièce", () => {
    const result = schema.safeParse({ ...base, documentIds: [], instalments: [{ dueDate: "2026-12-10", amount: "1" }] });
    expect(result.error!.issues[0].message).toBe("Choisissez au moins une pièce.");
  });
});

/** fr-FR money uses narrow no-break spaces; the expectations are written with plain ones. */
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, " ");

describe("totalMismatch", () => {
  it("accepts a sum equal to the cent, in cents not floats (0,10 + 0,20 = 0,30)", () => {
    expect(totalMismatch(["0.10", "0.20"], "0.30")).toBeNull();
  });

  it("says what is missing or too much", () => {
    expect(plain(totalMismatch(["333.33", "333.33", "333.33"], "1000.00"))).toBe(
      "Le total des échéances (999,99 €) diffère du montant couvert (1 000,00 €) : il manque 0,01 €.",
    );
    expect(plain(totalMismatch(["600.00", "500.00"], "1000.00"))).toBe(
      "Le total des échéances (1 100,00 €) diffère du montant couvert (1 000,00 €) : il y a 100,00 € de trop.",
    );
  });
});

describe("proposeInstalments", () => {
  it("splits 1 000,00 in 3 monthly instalments, the rounding remainder on the last", () => {
    expect(proposeInstalments("1000.00", 3, "2026-12-15")).toEqual([
      { dueDate: "2026-12-15", amount: "333.33" },
      { dueDate: "2027-01-15", amount: "333.33" },
      { dueDate: "2027-02-15", amount: "333.34" },
    ]);
  });

  it("keeps the day of month, or the month's last day, and counts weeks and fortnights in days", () => {
    expect(proposeInstalments("100.00", 3, "2027-01-31").map((i) => i.dueDate)).toEqual(["2027-01-31", "2027-02-28", "2027-03-31"]);
    expect(proposeInstalments("0.05", 2, "2026-12-28", "fortnight")).toEqual([
      { dueDate: "2026-12-28", amount: "0.02" },
      { dueDate: "2027-01-11", amount: "0.03" },
    ]);
    expect(proposeInstalments("10.00", 2, "2026-12-28", "week").map((i) => i.dueDate)).toEqual(["2026-12-28", "2027-01-04"]);
  });

  it("adds months across a year end", () => {
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(parseFrenchMoney("1 234,5")).toBe("1234.50");
    expect(parseFrenchMoney("12,345")).toBeNull();
  });
});
