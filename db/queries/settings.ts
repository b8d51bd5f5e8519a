import { eq, sql } from "drizzle-orm";
import { type OptionKey, type Options, parseOption } from "@/lib/settings/options";
import type { Queryable } from "../client";
import { settings } from "../schema";

export async function getOption<K extends OptionKey>(db: Queryable, key: K): Promise<Options[K]> {
  // Read as text: drizzle parses a jsonb string value once more, turning "12.15" into the number 12.15.
  const [row] = await db.select({ json: sql<string>`${settings.value}::text` }).from(settings).where(eq(settings.key, key));
  return parseOption(key, row ? JSON.parse(row.json) : undefined);
}

export async function setOption<K extends OptionKey>(db: Queryable, key: K, value: Options[K]): Promise<void> {
  // Serialised by hand: the drivers would send a string such as "12.15" as bare text (stored as a number)
  // and null as SQL NULL, where the column holds the JSON value itself.
  const json = sql`${JSON.stringify(parseOption(key, value))}::jsonb`;
  await db
    .insert(settings)
    .values({ key, value: json })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: new Date() } });
}
