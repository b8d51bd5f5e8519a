"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, revokeApiKey } from "@/db/queries/api-keys";
import { apiKeyFields, type CreatedApiKey, expiryFor } from "@/components/api-keys/key-input";
import { type ActionResult, authedAction } from "@/lib/auth/action";

/** A key for the signed-in user, acting with their own role and scope; its token is in the answer, and nowhere else. */
export const createOwnApiKeyAction = authedAction("apiKeys.own", z.object(apiKeyFields), async (input, { db, scope }): Promise<ActionResult<CreatedApiKey>> => {
  const expiry = expiryFor(input.expiresOn);
  if ("error" in expiry) return { ok: false, error: "Certains champs sont invalides.", fieldErrors: { expiresOn: [expiry.error] } };
  const { key, token } = await db.transaction((tx) => createApiKey(tx, scope.userId, scope.userId, { name: input.name, readOnly: input.readOnly, expiresAt: expiry.expiresAt }));
  revalidatePath("/compte/cles-api");
  return { ok: true, data: { name: key.name, prefix: key.prefix, token } satisfies CreatedApiKey };
});

/** Revokes one of the user's own keys; someone else's key is « introuvable », whatever the role (administrators use Paramétrage). */
export const revokeOwnApiKeyAction = authedAction("apiKeys.own", z.object({ id: z.uuid() }), async ({ id }, { db, scope }) => {
  const revoked = await db.transaction((tx) => revokeApiKey(tx, scope, id, false));
  if (!revoked) return { ok: false, error: "Clé introuvable ou déjà révoquée." };
  revalidatePath("/compte/cles-api");
  return { ok: true, data: undefined, message: "Clé révoquée." };
});
