import { describe, expect, it } from "vitest";
import { courtesyTitle, interlocutor, normaliseCivility, salutation, shortCivility } from "./civility";

describe("normaliseCivility", () => {
  it.each([
    ["Madame", "Madame"],
    ["Mme", "Madame"],
    ["MME.", "Madame"],
    ["Mlle", "Madame"],
    ["Mademoiselle", "Madame"],
    ["Mrs", "Madame"],
    ["F", "Madame"],
    ["Monsieur", "Monsieur"],
    ["M.", "Monsieur"],
    ["m", "Monsieur"],
    [" Mr ", "Monsieur"],
    ["MONSIEUR", "Monsieur"],
    ["H", "Monsieur"],
  ])("reads « %s » as %s", (input, expected) => {
    expect(normaliseCivility(input)).toBe(expected);
  });

  it.each([[""], ["   "], [null], [undefined], ["Dr"], ["Maître"], ["Madame, Monsieur"], ["MM."], ["Mx"]])(
    "leaves « %s » unknown",
    (input) => {
      expect(normaliseCivility(input)).toBeNull();
    },
  );
});

describe("salutations", () => {
  it("opens with the contact's civility, both when unknown", () => {
    expect(salutation("Mme")).toBe("Madame,");
    expect(salutation("M.")).toBe("Monsieur,");
    expect(salutation(null)).toBe("Madame, Monsieur,");
    expect(salutation("Dr")).toBe("Madame, Monsieur,");
  });

  it("repeats the title without the comma in the closing formula", () => {
    expect(courtesyTitle("Mlle")).toBe("Madame");
    expect(courtesyTitle("Mr")).toBe("Monsieur");
    expect(courtesyTitle("")).toBe("Madame, Monsieur");
  });

  it("abbreviates before a name, nothing when unknown", () => {
    expect(shortCivility("Madame")).toBe("Mme");
    expect(shortCivility("Monsieur")).toBe("M.");
    expect(shortCivility("Maître")).toBe("");
  });
});

describe("interlocutor", () => {
  it("agrees with the collector's civility, masculine when unknown", () => {
    expect(interlocutor("Madame")).toBe("votre interlocutrice");
    expect(interlocutor("Mme")).toBe("votre interlocutrice");
    expect(interlocutor("Monsieur")).toBe("votre interlocuteur");
    expect(interlocutor(null)).toBe("votre interlocuteur");
  });
});
