"use server";

import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, revokeApiKey } from "@/db/queries/api-keys";
import { users } from "@/db/schema";
import { apiKeyFields, type CreatedApiKey, expiryFor } from "@/components/api-keys/key-input";
import { type ActionResult, authedAction } from "@/lib/auth/action";

function refresh() {
  revalidatePath("/parametrage/cles-api");
  revalidatePath("/compte/cles-api");
}

/** An administrator creates a key for someone (an integration's account, say): it acts with that person's role and scope. */
export const createApiKeyForUserAction = authedAction(
  "apiKeys.manage",
  z.object({ ...apiKeyFields, userId: z.uuid("Choisissez l'utilisateur.") }),
  async ({ userId, ...input }, { db, scope }): Promise<ActionResult<CreatedApiKey>> => {
    const expiry = expiryFor(input.expiresOn);
    if ("error" in expiry) return { ok: false, error: "Certains champs sont invalides.", fieldErrors: { expiresOn: [expiry.error] } };
    const [owner] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.active, true)));
    if (!owner) return { ok: false, error: "Certains champs sont invalides.", fieldErrors: { userId: ["Utilisateur introuvable ou désactivé."] } };
    const { key, token } = await db.transaction((tx) => createApiKey(tx, scope.userId, userId, { name: input.name, readOnly: input.readOnly, expiresAt: expiry.expiresAt }));
    refresh();
    return { ok: true, data: { name: key.name, prefix: key.prefix, token } satisfies CreatedApiKey };
  },
);

export const revokeAnyApiKeyAction = authedAction("apiKeys.manage", z.object({ id: z.uuid() }), async ({ id }, { db, scope }) => {
  const revoked = await db.transaction((tx) => revokeApiKey(tx, scope, id, true));
  if (!revoked) return { ok: false, error: "Clé introuvable ou déjà révoquée." };
  refresh();
  return { ok: true, data: undefined, message: "Clé révoquée." };
});
