import { describe, expect, it } from "vitest";
import type { TemplateDocument } from "./context";
import { daysLate, documentPenalty, latePenaltyCents } from "./penalties";

const invoice = (over: Partial<TemplateDocument> = {}): TemplateDocument => ({
  type: "invoice",
  number: "FA-001",
  issueDate: "2026-08-01",
  dueDate: "2026-09-01",
  amount: "1000.00",
  openAmount: "1000.00",
  ...over,
});

describe("late-payment penalties", () => {
  it("computes open amount × annual rate × days late / 365, to the cent", () => {
    // 1 000,00 € × 12,15 % × 45 / 365 = 14,979… → 14,98 €
    expect(latePenaltyCents(100000n, "12.15", 45)).toBe(1498n);
    // 2 500,00 € × 10,9 % × 30 / 365 = 22,397… → 22,40 €
    expect(latePenaltyCents(250000n, "10.9", 30)).toBe(2240n);
    // 0,10 € × 12,15 % × 1 / 365 = 0,0000333 → 0,00 €
    expect(latePenaltyCents(10n, "12.15", 1)).toBe(0n);
    expect(latePenaltyCents(100000n, "12.15", 0)).toBe(0n);
  });

  it("counts days late from the due date, none before it", () => {
    expect(daysLate("2026-09-01", "2026-10-16")).toBe(45);
    expect(daysLate("2026-09-01", "2026-09-01")).toBe(0);
    expect(daysLate("2026-09-01", "2026-08-20")).toBe(0);
  });

  it("adds the 40 € indemnity per overdue invoice of a business client", () => {
    expect(documentPenalty(invoice(), "2026-10-16", "12.15", true)).toEqual({
      daysLate: 45,
      bearsPenalty: true,
      penaltyCents: 1498n,
      indemnityCents: 4000n,
    });
    expect(documentPenalty(invoice(), "2026-10-16", "12.15", false).indemnityCents).toBe(0n);
  });

  it("charges nothing on invoices not yet due, settled, or on credit notes", () => {
    const none = { penaltyCents: 0n, indemnityCents: 0n, bearsPenalty: false };
    expect(documentPenalty(invoice(), "2026-09-01", "12.15", true)).toMatchObject(none);
    expect(documentPenalty(invoice({ openAmount: "0.00" }), "2026-10-16", "12.15", true)).toMatchObject(none);
    expect(
      documentPenalty(invoice({ type: "credit_note", openAmount: "-100.00" }), "2026-10-16", "12.15", true),
    ).toMatchObject(none);
  });
});
