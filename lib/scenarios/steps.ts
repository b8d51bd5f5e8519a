/**
 * The rules of a scenario (Scénario) and its ordered steps, shared by the editor, the server action and the queries.
 * Errors are keyed `name`, `steps`, `steps.<index>.<field>` so the editor can show each one beside its field.
 */
import { z } from "zod";
import { contactRoles } from "@/lib/contacts/roles";
import { parseAmount } from "@/lib/import/amount";

export const actionTypes = ["email", "call", "letter", "formal_notice", "sms", "task"] as const;
export type ActionType = (typeof actionTypes)[number];

export const actionModes = ["manual", "automatic", "automatic_to_confirm"] as const;
export type ActionMode = (typeof actionModes)[number];
export const actionModeLabels: Record<ActionMode, string> = {
  manual: "Manuel",
  automatic: "Automatique",
  automatic_to_confirm: "Automatique à confirmer",
};

export type Channel = "email" | "letter" | "sms";
/** The template channel each action sends on; a mise en demeure is sent as a letter. Null: no template. */
export const channelOfAction: Record<ActionType, Channel | null> = {
  email: "email",
  letter: "letter",
  sms: "sms",
  formal_notice: "letter",
  call: null,
  task: null,
};
const channelNames: Record<Channel, string> = { email: "un modèle d'e-mail", letter: "un modèle de courrier", sms: "un modèle de SMS" };

/** Modes an action type may use: a person makes a call or does a task, nothing can do it for them. */
export function modesFor(type: ActionType): readonly ActionMode[] {
  return channelOfAction[type] ? actionModes : ["manual"];
}

/** « J-5 », « J0 », « J+15 ». */
export function offsetLabel(days: number): string {
  return days === 0 ? "J0" : days > 0 ? `J+${days}` : `J-${-days}`;
}

export const MAX_STEPS = 20;
const blank = (v: unknown) => (v === null || v === undefined ? "" : v);

const offsetDays = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? Number.NaN : Number(v.trim().replace("\u2212", "-"))) : v),
  z
    .number({ error: "Indiquez un nombre de jours." })
    .int("Indiquez un nombre entier de jours.")
    .min(-365, "Le décalage doit être compris entre −365 et +365 jours.")
    .max(365, "Le décalage doit être compris entre −365 et +365 jours."),
);

/** An amount typed the French way (« 1 500,00 ») or as a number; an exact decimal string ("1500.00"). */
const minAmount = z.preprocess(blank, z.union([z.string(), z.number()])).transform((raw, ctx) => {
  const parsed = parseAmount(typeof raw === "string" && raw.trim() === "" ? "0" : raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: "Montant invalide : écrivez par exemple 1 500,00." });
    return z.NEVER;
  }
  const value = parsed.value ?? "0.00";
  if (value.startsWith("-")) {
    ctx.addIssue({ code: "custom", message: "Le montant minimum ne peut pas être négatif." });
    return z.NEVER;
  }
  return value;
});

export const stepSchema = z.object({
  id: z.preprocess((v) => v || undefined, z.uuid().optional()),
  label: z.string({ error: "Donnez un libellé à l'étape." }).trim().min(1, "Donnez un libellé à l'étape.").max(80, "80 caractères au maximum."),
  offsetDays,
  actionType: z.enum(actionTypes, { error: "Choisissez une action." }),
  templateId: z.preprocess((v) => v || null, z.uuid({ error: "Modèle introuvable." }).nullable()),
  mode: z.enum(actionModes, { error: "Choisissez un mode." }),
  minAmount,
  recipientRole: z.enum(contactRoles, { error: "Choisissez un destinataire." }),
});
export type ScenarioStepInput = z.infer<typeof stepSchema>;

export const scenarioSchema = z
  .object({
    name: z.string({ error: "Donnez un nom au scénario." }).trim().min(1, "Donnez un nom au scénario.").max(120, "120 caractères au maximum."),
    description: z.preprocess(blank, z.string().trim().max(500, "500 caractères au maximum.")).transform((v) => v || null),
    steps: z.array(stepSchema).min(1, "Ajoutez au moins une étape.").max(MAX_STEPS, `${MAX_STEPS} étapes au maximum.`),
  })
  .superRefine(({ steps }, ctx) => {
    steps.forEach((step, i) => {
      const channel = channelOfAction[step.actionType];
      if (channel && !step.templateId) {
        ctx.addIssue({ code: "custom", path: ["steps", i, "templateId"], message: `Choisissez ${channelNames[channel]} pour cette étape.` });
      }
      if (!channel && step.mode !== "manual") {
        const message = step.actionType === "call" ? "Un appel ne peut être que manuel." : "Une tâche ne peut être que manuelle.";
        ctx.addIssue({ code: "custom", path: ["steps", i, "mode"], message });
      }
      const previous = steps[i - 1];
      if (!previous) return;
      if (step.offsetDays === previous.offsetDays) {
        ctx.addIssue({ code: "custom", path: ["steps", i, "offsetDays"], message: `Deux étapes ne peuvent pas avoir le même décalage (${offsetLabel(step.offsetDays)}).` });
      } else if (step.offsetDays < previous.offsetDays) {
        ctx.addIssue({
          code: "custom",
          path: ["steps", i, "offsetDays"],
          message: `Les étapes doivent être dans l'ordre chronologique : ${offsetLabel(previous.offsetDays)} doit venir après ${offsetLabel(step.offsetDays)}.`,
        });
      }
    });
  })
  // Calls and tasks send nothing: a template chosen before the action type changed is dropped.
  .transform((s) => ({ ...s, steps: s.steps.map((step) => (channelOfAction[step.actionType] ? step : { ...step, templateId: null })) }));
export type ScenarioInput = z.infer<typeof scenarioSchema>;

export type FieldErrors = Record<string, string[]>;

/** Parses a scenario; on failure, French messages keyed `name`, `steps` or `steps.<index>.<field>`. */
export function parseScenario(input: unknown): { ok: true; data: ScenarioInput } | { ok: false; errors: FieldErrors } {
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    (errors[key] ??= []).push(issue.message);
  }
  return { ok: false, errors };
}

/** The message for a template of the wrong channel, or null when it fits the action. */
export function templateChannelError(type: ActionType, templateChannel: Channel): string | null {
  const expected = channelOfAction[type];
  if (!expected || expected === templateChannel) return null;
  return `Ce modèle ne convient pas : choisissez ${channelNames[expected]}.`;
}
