import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { getOption, setOption } from "./settings";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("options", () => {
  it("gives the default of an option never set", async () => {
    expect(await getOption(handle.db, "latePaymentRatePercent")).toBe("12.15");
    expect(await getOption(handle.db, "companyLogo")).toBeNull();
  });

  it("keeps a string that looks like a number a string", async () => {
    await setOption(handle.db, "latePaymentRatePercent", "10.5");
    expect(await getOption(handle.db, "latePaymentRatePercent")).toBe("10.5");
    await setOption(handle.db, "latePaymentRatePercent", "12");
    expect(await getOption(handle.db, "latePaymentRatePercent")).toBe("12");
  });

  it("stores objects, and null for an option that may be empty", async () => {
    await setOption(handle.db, "companyLogo", { mimeType: "image/png", base64: "iVBORw0KGgo=" });
    expect(await getOption(handle.db, "companyLogo")).toEqual({ mimeType: "image/png", base64: "iVBORw0KGgo=" });
    await setOption(handle.db, "companyLogo", null);
    expect(await getOption(handle.db, "companyLogo")).toBeNull();
    await setOption(handle.db, "agingLimits", [15, 45]);
    expect(await getOption(handle.db, "agingLimits")).toEqual([15, 45]);
  });
});
