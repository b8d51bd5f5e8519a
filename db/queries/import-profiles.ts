import { asc, eq, or } from "drizzle-orm";
import type { Queryable } from "../client";
import { type ImportProfileSettings, importProfiles } from "../schema";

export function listImportProfiles(db: Queryable) {
  return db.select().from(importProfiles).orderBy(asc(importProfiles.name));
}

export async function findImportProfile(db: Queryable, name: string) {
  const [row] = await db.select().from(importProfiles).where(eq(importProfiles.name, name));
  return row ?? null;
}

export async function saveImportProfile(
  db: Queryable,
  profile: {
    name: string;
    kind: "clients" | "documents" | "fec" | "payments";
    mapping: Record<string, string>;
    settings: ImportProfileSettings;
  },
): Promise<void> {
  await db
    .insert(importProfiles)
    .values(profile)
    .onConflictDoUpdate({
      target: importProfiles.name,
      set: { kind: profile.kind, mapping: profile.mapping, settings: profile.settings, updatedAt: new Date() },
    });
}

/** A profile named by its id or by its name (programs may hold either). */
export async function findImportProfileByIdOrName(db: Queryable, idOrName: string) {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const [row] = await db
    .select()
    .from(importProfiles)
    .where(isId ? or(eq(importProfiles.id, idOrName), eq(importProfiles.name, idOrName)) : eq(importProfiles.name, idOrName))
    .orderBy(asc(importProfiles.name))
    .limit(1);
  return row ?? null;
}
