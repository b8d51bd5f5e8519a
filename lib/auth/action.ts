import { z } from "zod";
import type { Db } from "@/db/client";
import { can, type Permission } from "./permissions";
import type { Scope } from "./scope";
import { currentUser } from "./session";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

type Context = { db: Db; scope: Scope };

/** FormData to a plain object; repeated keys (checkbox groups, multi-selects) become arrays. */
function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key);
    out[key] = key.endsWith("[]") ? values : values[0];
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k.replace(/\[\]$/, ""), v]));
}

/**
 * The one wrapper for server actions: authenticates, checks the permission, validates input with zod,
 * and turns expected failures into a result for useActionState instead of an exception.
 */
export function authedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, ctx: Context) => Promise<ActionResult<T>>,
) {
  return async (_previous: ActionResult<T> | null, input: FormData | z.input<S>): Promise<ActionResult<T>> => {
    const current = await currentUser();
    if (!current) return { ok: false, error: "Votre session a expiré : reconnectez-vous." };
    if (!can(current.scope.role, permission)) {
      return { ok: false, error: "Vous n'avez pas les droits nécessaires pour cette opération." };
    }
    const parsed = schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) {
      return {
        ok: false,
        error: "Certains champs sont invalides.",
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      };
    }
    return handler(parsed.data, { db: current.db, scope: current.scope });
  };
}
