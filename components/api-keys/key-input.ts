import { z } from "zod";
import { addDays, isoDatePattern, today } from "@/lib/dates";
import { env } from "@/lib/env";
import { expiryInstant } from "./key-dates";

/** What a person types to create a key; the owner is added by the administrator's form only. */
export const apiKeyFields = {
  name: z.string().trim().min(1, "Donnez un nom à la clé.").max(80, "80 caractères au plus."),
  // A checkbox sends « on » when ticked and nothing otherwise.
  readOnly: z
    .union([z.boolean(), z.literal("on")])
    .optional()
    .transform((v) => v === true || v === "on"),
  expiresOn: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || isoDatePattern.test(v), "Date invalide."),
};

/** The instant the key stops working, or the message for a last day already past; at most five years ahead. */
export function expiryFor(expiresOn: string, now: Date = new Date()): { expiresAt: Date | null } | { error: string } {
  if (expiresOn === "") return { expiresAt: null };
  const day = today(env.COMPANY_TIMEZONE, now);
  if (expiresOn < day) return { error: "La date est passée." };
  if (expiresOn > addDays(day, 5 * 366)) return { error: "Cinq ans au plus." };
  return { expiresAt: expiryInstant(expiresOn, env.COMPANY_TIMEZONE) };
}

/** The created key as the form shows it, once. */
export type CreatedApiKey = { name: string; prefix: string; token: string };
