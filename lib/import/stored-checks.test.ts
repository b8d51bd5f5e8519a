import { describe, expect, it } from "vitest";
import { judgeSnapshot } from "./stored-checks";

const entity = { entityCode: "DIST", entityName: "Distribution" };

describe("judgeSnapshot", () => {
  it("lets a snapshot settle up to a fifth of a société's book, by count and by amount", () => {
    // 2 of 10 items, 150 of 1 000 €: 20 % and 15 %, not above.
    const small = judgeSnapshot([{ ...entity, openCount: 10, openAmount: "1000.00", settleCount: 2, settleAmount: "150.00" }]);
    expect(small.needsConfirmation).toBe(false);
    // 1 of 10 items, but 300 of 1 000 €: 30 % of the amount.
    const large = judgeSnapshot([{ ...entity, openCount: 10, openAmount: "1000.00", settleCount: 1, settleAmount: "300.00" }]);
    expect(large.needsConfirmation).toBe(true);
    // 3 of 10 items for 10 €: 30 % of the count.
    const many = judgeSnapshot([{ ...entity, openCount: 10, openAmount: "1000.00", settleCount: 3, settleAmount: "10.00" }]);
    expect(many.needsConfirmation).toBe(true);
  });

  it("says when nothing would be settled", () => {
    const none = judgeSnapshot([{ ...entity, openCount: 4, openAmount: "90.00", settleCount: 0, settleAmount: "0.00" }]);
    expect(none).toMatchObject({ needsConfirmation: false, message: "La photographie complète ne soldera aucune pièce." });
  });
});
