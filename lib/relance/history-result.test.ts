import { describe, expect, it } from "vitest";
import { historyResult } from "./history-result";

const row = { status: "done", outcome: null, note: null, disputeReason: null, cancelReason: null };

describe("historyResult", () => {
  it("gives the outcome, then the note", () => {
    expect(historyResult({ ...row, outcome: "voicemail", note: "Rappeler jeudi" })).toBe("Message laissé — Rappeler jeudi");
    expect(historyResult({ ...row, outcome: "reached" })).toBe("Joint");
  });

  it("names a dispute's reason after its outcome", () => {
    expect(historyResult({ ...row, outcome: "dispute", disputeReason: "Prix contesté" })).toBe("Litige : Prix contesté");
  });

  it("gives why a cancelled action was cancelled, and nothing for a sent one", () => {
    expect(historyResult({ ...row, status: "cancelled", cancelReason: "Sans objet" })).toBe("Sans objet");
    expect(historyResult({ ...row, status: "sent" })).toBe("");
  });
});
