import { describe, expect, it } from "vitest";
import { draftToBody, mentionQueryAt } from "./mention-draft";

const julie = { id: "0b5a3c1e-2f4d-4a6b-8c9d-0e1f2a3b4c5d", name: "Julie Martin" };
const jul = { id: "9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f", name: "Julie" };

describe("mention draft", () => {
  it("finds the @ word before the caret", () => {
    expect(mentionQueryAt("Voir avec @Jul", 14)).toEqual({ start: 10, query: "Jul" });
    expect(mentionQueryAt("@Julie Ma", 9)).toEqual({ start: 0, query: "Julie Ma" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("contact@client.fr", 17)).toBeNull();
    expect(mentionQueryAt("@Julie Martin a dit", 19)).toBeNull();
  });

  it("turns the chosen names into tokens, longest first, leaving names typed by hand", () => {
    const body = draftToBody("@Julie Martin et @Julie, pas @Marc", [jul, julie]);
    expect(body).toBe(`@[Julie Martin](user:${julie.id}) et @[Julie](user:${jul.id}), pas @Marc`);
  });
});
