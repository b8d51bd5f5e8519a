import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "./sign";

const body = '{"event_id":"e1","event":"import.finished","data":{"import_id":"i1"}}';

describe("webhook signatures", () => {
  it("signs « <t>.<body> » with HMAC-SHA256 of the secret, in hex", () => {
    const expected = createHmac("sha256", "whsec_abc").update(`1764900000.${body}`).digest("hex");
    expect(signWebhookBody("whsec_abc", body, 1764900000)).toBe(`t=1764900000,v1=${expected}`);
  });

  it("verifies within the tolerance, and refuses another secret, another body, a stale or a malformed header", () => {
    const header = signWebhookBody("whsec_abc", body, 1764900000);
    expect(verifyWebhookSignature("whsec_abc", header, body, 300, 1764900299)).toBe(true);
    expect(verifyWebhookSignature("whsec_abc", header, body, 300, 1764899701)).toBe(true);
    expect(verifyWebhookSignature("whsec_abc", header, body, 300, 1764900301)).toBe(false);
    expect(verifyWebhookSignature("whsec_other", header, body, 300, 1764900000)).toBe(false);
    expect(verifyWebhookSignature("whsec_abc", header, body.replace("i1", "i2"), 300, 1764900000)).toBe(false);
    // The timestamp is signed: moving it to look fresh breaks the signature.
    expect(verifyWebhookSignature("whsec_abc", header.replace("t=1764900000", "t=1764990000"), body, 300, 1764990000)).toBe(false);
    expect(verifyWebhookSignature("whsec_abc", "v1=abc", body, 300, 1764900000)).toBe(false);
    expect(verifyWebhookSignature("whsec_abc", null, body, 300, 1764900000)).toBe(false);
    expect(verifyWebhookSignature("whsec_abc", `t=1764900000,v1=${"0".repeat(64)},${header.split(",")[1]}`, body, 300, 1764900000)).toBe(true);
  });
});
