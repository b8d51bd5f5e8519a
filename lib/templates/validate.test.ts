import { describe, expect, it } from "vitest";
import { clips } from "./clips";
import { findUnknownClips, validateTemplate } from "./validate";

describe("findUnknownClips", () => {
  it("names the clips missing from the catalogue, once each", () => {
    const text = "{{client.raison_sociale}} {{client.nom_commercial}} {{ client.nom_commercial }} {{foo}}";
    expect(findUnknownClips(text)).toEqual(["client.nom_commercial", "foo"]);
  });

  it("knows every clip of the catalogue, with or without inner spaces", () => {
    expect(findUnknownClips(clips.map((c) => `{{${c.key}}} {{ ${c.key} }}`).join(" "))).toEqual([]);
  });

  it("has unique keys, each with a French label and a group", () => {
    expect(new Set(clips.map((c) => c.key)).size).toBe(clips.length);
    for (const clip of clips) expect(clip.key).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });
});

describe("validateTemplate", () => {
  it("accepts a template whose clips are all known", () => {
    expect(
      validateTemplate(
        { subject: "Relance {{client.code}}", body: "<p>{{contact.civilite}} {{contact.nom}},</p>{{pieces.tableau}}" },
        "email",
      ),
    ).toEqual([]);
  });

  it("refuses an unknown clip, naming it", () => {
    expect(validateTemplate({ subject: "", body: "Bonjour {{client.nom_commercial}}" }, "email")).toEqual([
      "Champ inconnu : {{client.nom_commercial}}",
    ]);
    expect(validateTemplate({ subject: "Facture {{piece.numero}}", body: "" }, "letter")).toEqual([
      "Champ inconnu : {{piece.numero}}",
    ]);
  });

  it("refuses a table in the subject and the penalties table in an SMS", () => {
    expect(validateTemplate({ subject: "{{pieces.tableau}}", body: "" }, "email")).toEqual([
      "Le champ {{pieces.tableau}} ne peut pas figurer dans l'objet.",
    ]);
    expect(validateTemplate({ body: "{{pieces.tableau_penalites}}" }, "sms")).toEqual([
      "Le champ {{pieces.tableau_penalites}} n'est pas disponible pour ce canal.",
    ]);
    expect(validateTemplate({ body: "{{pieces.tableau}}" }, "sms")).toEqual([]);
  });

  it("refuses unclosed braces", () => {
    expect(validateTemplate({ body: "Bonjour {{contact.nom" }, "sms")).toEqual([
      "Accolades « {{ » sans « }} » correspondantes.",
    ]);
  });
});
