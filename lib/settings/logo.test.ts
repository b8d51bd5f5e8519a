import { describe, expect, it } from "vitest";
import { detectLogoType, LOGO_MAX_BYTES } from "./logo";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe("detectLogoType", () => {
  it("recognises PNG and JPEG by their signature", () => {
    expect(detectLogoType(png)).toBe("image/png");
    expect(detectLogoType(jpeg)).toBe("image/jpeg");
  });

  it("refuses other files, empty files and files over 512 Ko", () => {
    expect(detectLogoType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(detectLogoType(Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]))).toBeNull();
    expect(detectLogoType(new Uint8Array(0))).toBeNull();
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(png);
    expect(detectLogoType(big)).toBeNull();
    expect(detectLogoType(big.subarray(0, LOGO_MAX_BYTES))).toBe("image/png");
  });
});
