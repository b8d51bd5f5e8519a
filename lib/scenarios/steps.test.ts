import { describe, expect, it } from "vitest";
import { modesFor, offsetLabel, parseScenario, templateChannelError } from "./steps";

const emailTemplate = "0b7f3c1e-2a4d-4c4e-9a31-5d9b1f0e8a11";
const step = (extra: Record<string, unknown> = {}) => ({
  label: "Relance",
  offsetDays: "5",
  actionType: "email",
  templateId: emailTemplate,
  mode: "automatic",
  minAmount: "",
  recipientRole: "facturation",
  ...extra,
});
const scenario = (steps: object[], extra: Record<string, unknown> = {}) => ({ name: "Standard", description: "", steps, ...extra });
const errorsOf = (input: unknown) => {
  const result = parseScenario(input);
  return result.ok ? {} : result.errors;
};

describe("offsetLabel", () => {
  it("writes days relative to the due date", () => {
    expect([offsetLabel(-5), offsetLabel(0), offsetLabel(15)]).toEqual(["J-5", "J0", "J+15"]);
  });
});

describe("parseScenario", () => {
  it("accepts a valid scenario and normalises its values", () => {
    const result = parseScenario(
      scenario([step({ offsetDays: "-5" }), step({ actionType: "call", templateId: emailTemplate, mode: "manual", minAmount: "1 500,00", offsetDays: 15 })], {
        name: "  Standard ",
        description: "  ",
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.name).toBe("Standard");
    expect(result.data.description).toBeNull();
    expect(result.data.steps.map((s) => [s.offsetDays, s.minAmount, s.templateId])).toEqual([
      [-5, "0.00", emailTemplate],
      [15, "1500.00", null],
    ]);
  });

  it("requires a name of at most 120 characters and 1 to 20 steps", () => {
    expect(errorsOf(scenario([step()], { name: " " })).name).toEqual(["Donnez un nom au scénario."]);
    expect(errorsOf(scenario([step()], { name: "x".repeat(121) })).name).toEqual(["120 caractères au maximum."]);
    expect(errorsOf(scenario([])).steps).toEqual(["Ajoutez au moins une étape."]);
    const many = Array.from({ length: 21 }, (_, i) => step({ offsetDays: i }));
    expect(errorsOf(scenario(many)).steps).toEqual(["20 étapes au maximum."]);
  });

  it("keys step errors by index and field", () => {
    const errors = errorsOf(scenario([step({ label: "", offsetDays: "1,5", minAmount: "-10" }), step({ offsetDays: "400", recipientRole: "patron" })]));
    expect(errors["steps.0.label"]).toEqual(["Donnez un libellé à l'étape."]);
    expect(errors["steps.0.offsetDays"]).toEqual(["Indiquez un nombre de jours."]);
    expect(errors["steps.0.minAmount"]).toEqual(["Le montant minimum ne peut pas être négatif."]);
    expect(errors["steps.1.offsetDays"]).toEqual(["Le décalage doit être compris entre −365 et +365 jours."]);
    expect(errors["steps.1.recipientRole"]).toEqual(["Choisissez un destinataire."]);
  });

  it("refuses offsets out of chronological order or repeated", () => {
    expect(errorsOf(scenario([step({ offsetDays: 15 }), step({ offsetDays: 5 })]))["steps.1.offsetDays"]).toEqual([
      "Les étapes doivent être dans l'ordre chronologique : J+15 doit venir après J+5.",
    ]);
    expect(errorsOf(scenario([step({ offsetDays: -5 }), step({ offsetDays: -5 })]))["steps.1.offsetDays"]).toEqual([
      "Deux étapes ne peuvent pas avoir le même décalage (J-5).",
    ]);
  });

  it("requires a template for what is sent, formal notices included", () => {
    const errors = errorsOf(scenario([step({ templateId: "" }), step({ offsetDays: 30, actionType: "formal_notice", templateId: null })]));
    expect(errors["steps.0.templateId"]).toEqual(["Choisissez un modèle d'e-mail pour cette étape."]);
    expect(errors["steps.1.templateId"]).toEqual(["Choisissez un modèle de courrier pour cette étape."]);
  });

  it("only lets calls and tasks be manual", () => {
    const errors = errorsOf(scenario([step({ actionType: "call", mode: "automatic" }), step({ offsetDays: 9, actionType: "task", mode: "automatic_to_confirm" })]));
    expect(errors["steps.0.mode"]).toEqual(["Un appel ne peut être que manuel."]);
    expect(errors["steps.1.mode"]).toEqual(["Une tâche ne peut être que manuelle."]);
    expect(modesFor("call")).toEqual(["manual"]);
    expect(modesFor("letter")).toHaveLength(3);
  });

  it("reads French amounts exactly", () => {
    const result = parseScenario(scenario([step({ minAmount: "12 345,67" })]));
    expect(result.ok && result.data.steps[0].minAmount).toBe("12345.67");
    expect(errorsOf(scenario([step({ minAmount: "beaucoup" })]))["steps.0.minAmount"]).toEqual(["Montant invalide : écrivez par exemple 1 500,00."]);
  });
});

describe("templateChannelError", () => {
  it("sends a formal notice as a letter", () => {
    expect(templateChannelError("formal_notice", "letter")).toBeNull();
    expect(templateChannelError("formal_notice", "email")).toBe("Ce modèle ne convient pas : choisissez un modèle de courrier.");
    expect(templateChannelError("sms", "sms")).toBeNull();
  });
});
