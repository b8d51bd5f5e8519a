import { describe, expect, it } from "vitest";
import { describeRootCause } from "./error-cause";

describe("the reason an error is logged with", () => {
  it("is the driver's error behind a « Failed query », with its code once", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5999"), { code: "ECONNREFUSED" });
    const wrapped = new Error('Failed query: CREATE SCHEMA IF NOT EXISTS "drizzle"', { cause: refused });
    expect(describeRootCause(wrapped)).toBe("connect ECONNREFUSED 127.0.0.1:5999");
    const reset = Object.assign(new Error("read failed"), { code: "ECONNRESET" });
    expect(describeRootCause(new Error("Failed query: select 1", { cause: reset }))).toBe("ECONNRESET read failed");
  });

  it("is the value itself when something other than an Error was thrown", () => {
    expect(describeRootCause("boom")).toBe("boom");
    expect(describeRootCause(new TypeError(""))).toBe("TypeError");
  });
});
