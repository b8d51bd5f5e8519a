"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { getOption, setOption } from "@/db/queries/settings";
import { authedAction } from "@/lib/auth/action";
import { formatIban, isValidIban } from "@/lib/settings/iban";
import { detectLogoType } from "@/lib/settings/logo";
import { type Company, optionSchemas } from "@/lib/settings/options";
import { parseRatePercent } from "@/lib/settings/rate";

const path = "/parametrage/societe";
const lines = (value: string) => value.replace(/\r\n?/g, "\n").split("\n").map((line) => line.trim()).filter(Boolean).join("\n");

const companyInput = optionSchemas.company.unwrap().extend({
  name: z.string().trim().min(1, "Indiquez la raison sociale.").max(120, "120 caractères au maximum."),
  address: z.string().max(300, "300 caractères au maximum.").transform(lines),
  signature: z.string().max(300, "300 caractères au maximum.").transform(lines),
  iban: z
    .string()
    .trim()
    .refine((v) => v === "" || isValidIban(v), "IBAN invalide : vérifiez la clé.")
    .transform((v) => (v === "" ? "" : formatIban(v))),
  bic: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v), "BIC invalide : 8 ou 11 lettres et chiffres."),
  latePaymentRatePercent: z
    .string()
    .transform((v) => parseRatePercent(v))
    .refine((v) => v !== null, "Taux invalide : saisissez un pourcentage tel que 12,15."),
});

export const saveCompanyAction = authedAction("settings.manage", companyInput, async ({ latePaymentRatePercent, ...company }, { db, scope }) => {
  const rate = latePaymentRatePercent!;
  await db.transaction(async (tx) => {
    const [before, rateBefore] = await Promise.all([getOption(tx, "company"), getOption(tx, "latePaymentRatePercent")]);
    const fields = Object.keys(company) as (keyof Company)[];
    // The audit keeps what changed, with the value before and after.
    const changes: Record<string, { from: string; to: string }> = {};
    for (const field of fields) if (before[field] !== company[field]) changes[field] = { from: before[field], to: company[field] };
    if (rateBefore !== rate) changes.latePaymentRatePercent = { from: rateBefore, to: rate };
    await setOption(tx, "company", company);
    await setOption(tx, "latePaymentRatePercent", rate);
    await recordAudit(tx, { userId: scope.userId, action: "settings.company", targetType: "settings", targetId: "company", details: { changes } });
  });
  revalidatePath(path);
  return { ok: true, data: undefined, message: "Informations de la société enregistrées." };
});

const logoError = "Le logo doit être une image PNG ou JPEG de 512 Ko au plus.";

export const saveLogoAction = authedAction(
  "settings.manage",
  z.object({ logo: z.instanceof(File, { message: "Choisissez un fichier." }) }),
  async ({ logo }, { db, scope }) => {
    if (logo.size === 0) return { ok: false, error: "Choisissez un fichier.", fieldErrors: { logo: ["Choisissez un fichier."] } };
    const bytes = new Uint8Array(await logo.arrayBuffer());
    const mimeType = detectLogoType(bytes);
    if (!mimeType) return { ok: false, error: logoError, fieldErrors: { logo: [logoError] } };
    await db.transaction(async (tx) => {
      await setOption(tx, "companyLogo", { mimeType, base64: Buffer.from(bytes).toString("base64") });
      await recordAudit(tx, { userId: scope.userId, action: "settings.logo", targetType: "settings", targetId: "companyLogo", details: { mimeType, bytes: bytes.length } });
    });
    revalidatePath(path);
    return { ok: true, data: undefined, message: "Logo enregistré." };
  },
);

export const removeLogoAction = authedAction("settings.manage", z.object({}), async (_input, { db, scope }) => {
  await db.transaction(async (tx) => {
    await setOption(tx, "companyLogo", null);
    await recordAudit(tx, { userId: scope.userId, action: "settings.logo", targetType: "settings", targetId: "companyLogo", details: { removed: true } });
  });
  revalidatePath(path);
  return { ok: true, data: undefined, message: "Logo retiré." };
});
