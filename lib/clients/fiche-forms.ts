/** Validation of the forms of the fiche client, shared by the server actions and their tests. */
import { z } from "zod";
import { channel } from "@/db/schema/enums";
import { normaliseCivility } from "@/lib/contacts/civility";
import { contactRoles } from "@/lib/contacts/roles";
import { isoDatePattern, today } from "@/lib/dates";

const blankAsNull = (v: string) => v || null;
const phone = z
  .string()
  .trim()
  .max(30, "30 caractères au maximum.")
  .regex(/^[+0-9 ().-]*$/, "Numéro de téléphone invalide.")
  .transform(blankAsNull);

const contactShape = {
  // Stored as « Madame » or « Monsieur », whatever abbreviation was sent.
  civility: z
    .string()
    .trim()
    .refine((v) => v === "" || normaliseCivility(v) !== null, "Civilité inconnue.")
    .transform((v) => normaliseCivility(v)),
  name: z.string().trim().min(1, "Indiquez le nom du contact.").max(120, "120 caractères au maximum."),
  role: z.enum(contactRoles, { message: "Choisissez un rôle." }),
  email: z
    .string()
    .trim()
    .max(200, "200 caractères au maximum.")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Adresse e-mail invalide.")
    .transform(blankAsNull),
  phone,
  mobile: phone,
  // No box ticked sends no field at all.
  recipientFor: z.preprocess((v) => v ?? [], z.array(z.enum(channel.enumValues)).transform((list) => [...new Set(list)])),
};

/** A reminder recipient must be reachable on its channel (a letter goes to the client's address). */
function reachable(c: { recipientFor: string[]; email: string | null; mobile: string | null }, ctx: z.RefinementCtx) {
  if (c.recipientFor.includes("email") && !c.email) {
    ctx.addIssue({ code: "custom", path: ["email"], message: "Une adresse e-mail est nécessaire pour recevoir les relances par e-mail." });
  }
  if (c.recipientFor.includes("sms") && !c.mobile) {
    ctx.addIssue({ code: "custom", path: ["mobile"], message: "Un numéro de mobile est nécessaire pour recevoir les relances par SMS." });
  }
}

export const newContactForm = z.object({ clientId: z.uuid(), ...contactShape }).superRefine(reachable);
export const contactForm = z.object({ clientId: z.uuid(), contactId: z.uuid(), ...contactShape }).superRefine(reachable);

/** Pausing reminders: until a date from today on (read when the form is checked), with a reason. */
export const pauseFields = {
  until: z
    .string()
    .regex(isoDatePattern, "Date invalide.")
    .refine((v) => v >= today(), "Choisissez aujourd'hui ou une date à venir."),
  reason: z.string().trim().min(3, "Indiquez le motif (3 caractères minimum).").max(200, "200 caractères au maximum."),
};

/** An e-mail from the fiche: a template, or an object and a text; the documents it is about, or the whole statement. */
export const emailForm = z
  .object({
    requestId: z.uuid(),
    clientId: z.uuid(),
    templateId: z
      .union([z.uuid(), z.literal("")])
      .optional()
      .transform((v) => v || null),
    subject: z.string().trim().max(300, "300 caractères au maximum.").default(""),
    body: z.string().max(20_000, "20 000 caractères au maximum.").default(""),
    documentIds: z.array(z.coerce.number().int().positive()).max(1000).default([]),
    attachDocuments: z.literal("1").optional(),
    statement: z.literal("1").optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.templateId && !input.subject) ctx.addIssue({ code: "custom", path: ["subject"], message: "Indiquez l'objet." });
    if (!input.templateId && !input.body.trim()) ctx.addIssue({ code: "custom", path: ["body"], message: "Écrivez le message." });
    if (!input.statement && input.documentIds.length === 0) ctx.addIssue({ code: "custom", path: ["documentIds"], message: "Choisissez au moins une pièce." });
  });

export type EmailForm = z.infer<typeof emailForm>;
