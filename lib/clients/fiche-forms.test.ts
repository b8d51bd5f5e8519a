import { z } from "zod";
import { describe, expect, it } from "vitest";
import { addDays, today } from "@/lib/dates";
import { newContactForm, pauseFields } from "./fiche-forms";

const clientId = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const errors = (result: { error?: z.ZodError }): Record<string, string[] | undefined> => (result.error ? z.flattenError(result.error).fieldErrors : {});

describe("contact form", () => {
  it("keeps what was typed, blanks as null, ticked channels once each", () => {
    const parsed = newContactForm.parse({
      clientId,
      civility: "Mme",
      name: "  Anne Leroy ",
      role: "comptabilité",
      email: "anne.leroy@client.fr",
      phone: "01 23 45 67 89",
      mobile: "",
      recipientFor: ["email", "letter", "email"],
    });
    expect(parsed).toEqual({
      clientId,
      civility: "Madame",
      name: "Anne Leroy",
      role: "comptabilité",
      email: "anne.leroy@client.fr",
      phone: "01 23 45 67 89",
      mobile: null,
      recipientFor: ["email", "letter"],
    });
    expect(newContactForm.parse({ clientId, civility: "", name: "X", role: "autre", email: "", phone: "", mobile: "" }).recipientFor).toEqual([]);
    expect(newContactForm.parse({ clientId, civility: "M.", name: "X", role: "autre", email: "", phone: "", mobile: "" }).civility).toBe("Monsieur");
    expect(newContactForm.parse({ clientId, civility: "", name: "X", role: "autre", email: "", phone: "", mobile: "" }).civility).toBeNull();
  });

  it("answers in French for each wrong field", () => {
    const result = newContactForm.safeParse({
      clientId,
      civility: "Dr",
      name: " ",
      role: "patron",
      email: "pas-une-adresse",
      phone: "01 23 <b>",
      mobile: "",
      recipientFor: ["fax"],
    });
    expect(errors(result)).toMatchObject({
      civility: ["Civilité inconnue."],
      name: ["Indiquez le nom du contact."],
      role: ["Choisissez un rôle."],
      email: ["Adresse e-mail invalide."],
      phone: ["Numéro de téléphone invalide."],
    });
  });

  it("needs an address for e-mail reminders and a mobile for SMS", () => {
    const result = newContactForm.safeParse({ clientId, civility: "", name: "Anne", role: "facturation", email: "", phone: "", mobile: "", recipientFor: ["email", "sms", "letter"] });
    expect(errors(result)).toEqual({
      email: ["Une adresse e-mail est nécessaire pour recevoir les relances par e-mail."],
      mobile: ["Un numéro de mobile est nécessaire pour recevoir les relances par SMS."],
    });
  });
});

describe("pause form", () => {
  const pause = z.object(pauseFields);

  it("takes today or a later date with a reason", () => {
    expect(pause.safeParse({ until: today(), reason: "Litige global" }).success).toBe(true);
    expect(pause.safeParse({ until: addDays(today(), 30), reason: "Procédure collective" }).success).toBe(true);
  });

  it("refuses a past date, a malformed one and a missing reason", () => {
    expect(errors(pause.safeParse({ until: addDays(today(), -1), reason: "ok" }))).toEqual({
      until: ["Choisissez aujourd'hui ou une date à venir."],
      reason: ["Indiquez le motif (3 caractères minimum)."],
    });
    expect(errors(pause.safeParse({ until: "31/12/2026", reason: "Vacances" })).until).toEqual(["Date invalide."]);
  });
});
