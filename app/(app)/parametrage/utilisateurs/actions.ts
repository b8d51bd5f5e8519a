"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { notify } from "@/db/queries/notifications";
import { createUser, findActiveUserByEmail, setAbsence, transferPortfolio, updateUser, usersExist } from "@/db/queries/users";
import { authedAction } from "@/lib/auth/action";
import { hashPassword } from "@/lib/auth/password";
import { normaliseCivility } from "@/lib/contacts/civility";
import { roles } from "@/lib/auth/roles";
import { isoDatePattern } from "@/lib/dates";
import { formatDate } from "@/lib/format/fr";
import { refreshHomeAfterResponse } from "@/lib/kpi/refresh-after-response";

const userFields = {
  email: z.string().trim().toLowerCase().email("Adresse e-mail invalide."),
  name: z.string().trim().min(2, "Nom trop court.").max(120),
  civility: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || normaliseCivility(v) !== null, "Civilité inconnue.")
    .transform((v) => normaliseCivility(v)),
  phone: z.string().trim().max(30).transform((v) => v || null),
  role: z.enum(roles, { message: "Rôle inconnu." }),
  entityIds: z.array(z.uuid()).default([]),
};

export const createUserAction = authedAction(
  "users.manage",
  z.object({ ...userFields, password: z.string().min(10, "Au moins 10 caractères.").max(200) }),
  async (input, { db, scope }) => {
    if (await findActiveUserByEmail(db, input.email)) {
      return { ok: false, error: "Un utilisateur existe déjà avec cette adresse.", fieldErrors: { email: ["Adresse déjà utilisée."] } };
    }
    await db.transaction(async (tx) => {
      const id = await createUser(tx, { ...input, passwordHash: await hashPassword(input.password) });
      await recordAudit(tx, { userId: scope.userId, action: "user.create", targetType: "user", targetId: id, details: { email: input.email, role: input.role } });
    });
    revalidatePath("/parametrage/utilisateurs");
    return { ok: true, data: undefined, message: `Utilisateur ${input.name} créé.` };
  },
);

export const updateUserAction = authedAction(
  "users.manage",
  z.object({ ...userFields, id: z.uuid(), active: z.enum(["on", "off"]).default("off") }),
  async ({ id, active, ...input }, { db, scope }) => {
    if (id === scope.userId && (active !== "on" || input.role !== "admin")) {
      return { ok: false, error: "Vous ne pouvez ni désactiver votre propre compte ni retirer votre rôle d'administrateur." };
    }
    const done = await db.transaction(async (tx) => {
      const updated = await updateUser(tx, id, { ...input, active: active === "on" });
      if (updated) {
        await recordAudit(tx, { userId: scope.userId, action: "user.update", targetType: "user", targetId: id, details: { ...input, active: active === "on" } });
      }
      return updated;
    });
    if (!done) return { ok: false, error: "Utilisateur introuvable." };
    revalidatePath("/parametrage/utilisateurs");
    return { ok: true, data: undefined, message: "Modifications enregistrées." };
  },
);

export const setAbsenceAction = authedAction(
  "portfolios.reassign",
  z
    .object({
      userId: z.uuid(),
      clear: z.enum(["yes", "no"]).default("no"),
      from: z.string().regex(isoDatePattern, "Date invalide.").optional(),
      to: z.string().regex(isoDatePattern, "Date invalide.").optional(),
      coveringUserId: z.uuid("Choisissez le remplaçant.").optional(),
    })
    .refine((v) => v.clear === "yes" || (v.from && v.to && v.coveringUserId), {
      message: "Indiquez les dates et le remplaçant.",
      path: ["coveringUserId"],
    })
    .refine((v) => v.clear === "yes" || (v.from ?? "") <= (v.to ?? ""), { message: "La fin précède le début.", path: ["to"] })
    .refine((v) => v.userId !== v.coveringUserId, { message: "Choisissez un autre collaborateur.", path: ["coveringUserId"] }),
  async (input, { db, scope }) => {
    const absence = input.clear === "yes" ? null : { from: input.from!, to: input.to!, coveringUserId: input.coveringUserId! };
    if (absence && !(await usersExist(db, [absence.coveringUserId]))) return { ok: false, error: "Remplaçant introuvable." };
    await db.transaction(async (tx) => {
      await setAbsence(tx, input.userId, absence);
      await recordAudit(tx, { userId: scope.userId, action: "user.absence", targetType: "user", targetId: input.userId, details: { absence } });
      if (absence) {
        await notify(tx, {
          userId: absence.coveringUserId,
          kind: "portfolio.cover",
          title: "Un portefeuille vous est confié",
          body: `Du ${formatDate(absence.from)} au ${formatDate(absence.to)}, vous suivez les clients d'un collègue absent.`,
          link: "/clients",
        });
      }
    });
    revalidatePath("/parametrage/utilisateurs");
    return { ok: true, data: undefined, message: absence ? "Absence enregistrée." : "Absence supprimée." };
  },
);

export const transferPortfolioAction = authedAction(
  "portfolios.reassign",
  z.object({ fromUserId: z.uuid(), toUserId: z.uuid("Choisissez le nouveau chargé de recouvrement.") }).refine((v) => v.fromUserId !== v.toUserId, {
    message: "Choisissez un autre collaborateur.",
    path: ["toUserId"],
  }),
  async ({ fromUserId, toUserId }, { db, scope }) => {
    if (!(await usersExist(db, [toUserId], "collector"))) {
      return { ok: false, error: "Le destinataire doit être un chargé de recouvrement." };
    }
    const moved = await db.transaction(async (tx) => {
      const count = await transferPortfolio(tx, fromUserId, toUserId, scope.userId);
      await recordAudit(tx, { userId: scope.userId, action: "portfolio.transfer", targetType: "user", targetId: fromUserId, details: { toUserId, clients: count } });
      if (count > 0) {
        await notify(tx, { userId: toUserId, kind: "portfolio.transfer", title: `${count} clients ajoutés à votre portefeuille`, link: "/clients" });
      }
      return count;
    });
    if (moved > 0) refreshHomeAfterResponse(db);
    revalidatePath("/parametrage/utilisateurs");
    return { ok: true, data: undefined, message: `${moved} client${moved > 1 ? "s" : ""} transféré${moved > 1 ? "s" : ""}.` };
  },
);
