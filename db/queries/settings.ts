import { eq, sql } from "drizzle-orm";
import { type OptionKey, type Options, parseOption } from "@/lib/settings/options";
import type { Queryable } from "../client";
import { settings } from "../schema";

export async function getOption<K extends OptionKey>(db: Queryable, key: K): Promise<Options[K]> {
  // Read as text: on PGlite, drizzle parses an already-parsed jsonb string again ("11.5" would come back as 11.5).
  const [row] = await db.select({ json: sql<string>`${settings.value}::text` }).from(settings).where(eq(settings.key, key));
  return parseOption(key, row ? JSON.parse(row.json) : undefined);
}

export async function setOption<K extends OptionKey>(db: Queryable, key: K, value: Options[K]): Promise<void> {
  const parsed = parseOption(key, value);
  await db
    .insert(settings)
    .values({ key, value: parsed })
    .onConflictDoUpdate({ target: settings.key, set: { value: parsed, updatedAt: new Date() } });
}
