import { describe, expect, it } from "vitest";
import { mentionToken, parseMentions, plainBody, splitBody } from "./mentions";

const julie = "0b5a3c1e-2f4d-4a6b-8c9d-0e1f2a3b4c5d";
const marc = "9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f";

describe("mentions", () => {
  it("writes a token that parses back to the same id", () => {
    const token = mentionToken({ id: julie.toUpperCase(), name: "Julie [Martin]" });
    expect(token).toBe(`@[Julie  Martin](user:${julie})`);
    expect(parseMentions(`Bonjour ${token}`)).toEqual([julie]);
  });

  it("lists each mentioned user once, in order, and ignores look-alikes", () => {
    const body = `@[Marc](user:${marc}) voir avec @[Julie](user:${julie}) puis @[Marc](user:${marc}) ; @Julie et @[X](user:pas-un-id)`;
    expect(parseMentions(body)).toEqual([marc, julie]);
  });

  it("cuts the body into text and chips", () => {
    expect(splitBody(`Merci @[Julie Martin](user:${julie}), avoir reçu.`)).toEqual([
      { kind: "text", text: "Merci " },
      { kind: "mention", name: "Julie Martin", userId: julie },
      { kind: "text", text: ", avoir reçu." },
    ]);
    expect(splitBody("Sans mention")).toEqual([{ kind: "text", text: "Sans mention" }]);
  });

  it("reads as plain text in notifications", () => {
    expect(plainBody(`@[Julie Martin](user:${julie}) peux-tu appeler ?`)).toBe("@Julie Martin peux-tu appeler ?");
  });
});
