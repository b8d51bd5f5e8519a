import type { ImportProfileSettings } from "@/db/schema";
import { normalizeHeader } from "./header";
import type { FileLayout } from "./open-rows";
import type { ColumnMapping } from "./rows";

export type { ImportProfileSettings };

/** A mapping by column position becomes one by header text, so it still applies when columns move. */
export function profileFromMapping(headers: readonly unknown[], mapping: ColumnMapping): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mapping)
      .filter(([column]) => headers[Number(column)] !== undefined)
      .map(([column, field]) => [normalizeHeader(headers[Number(column)]), field]),
  );
}

// Profiles saved before camelCase headers were split into words keyed "invoicenumber" for « invoiceNumber ».
const compact = (text: string) => text.replace(/[^a-z0-9]/g, "");
const compactHeader = (raw: unknown) =>
  typeof raw === "string" ? compact(raw.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")) : "";

function fieldFor(profile: Record<string, string>, header: unknown): string | undefined {
  const exact = profile[normalizeHeader(header)];
  if (exact) return exact;
  const legacy = compactHeader(header);
  if (!legacy) return undefined;
  for (const [key, field] of Object.entries(profile)) if (!key.includes(" ") && compact(key) === legacy) return field;
  return undefined;
}

/** The saved mapping applied to this file's headers; headers the profile does not know stay unmapped. */
export function mappingFromProfile(headers: readonly unknown[], profile: Record<string, string>): Record<number, string> {
  const mapping: Record<number, string> = {};
  headers.forEach((header, column) => {
    const field = fieldFor(profile, header);
    if (field && !Object.values(mapping).includes(field)) mapping[column] = field;
  });
  return mapping;
}

/**
 * The row holding the profile's headers: the one, among the first rows, that names the most of them, so a
 * next-day file with one title row more or less is read as the first one was. -1 when no row names any.
 */
export function profileHeaderRow(rows: readonly (readonly unknown[])[], profile: Record<string, string>, saved?: number): number {
  let best = -1;
  let bestCount = 0;
  rows.forEach((cells, index) => {
    const count = Object.keys(mappingFromProfile(cells, profile)).length;
    if (count > bestCount || (count === bestCount && count > 0 && index === saved)) {
      best = index;
      bestCount = count;
    }
  });
  return best;
}

/** How to read the file: what the caller chose, else what the profile saved, else (undefined) what sniffing finds. */
export function layoutWithProfile(chosen: Partial<FileLayout> | undefined, settings: ImportProfileSettings): Partial<FileLayout> {
  return {
    sheet: chosen?.sheet ?? settings.sheet,
    encoding: chosen?.encoding ?? settings.encoding,
    separator: chosen?.separator ?? settings.separator,
  };
}

/** What a profile keeps of the way a file was read and imported, to replay it unattended. */
export function settingsOf(layout: FileLayout, choices: Omit<ImportProfileSettings, "sheet" | "encoding" | "separator">): ImportProfileSettings {
  const read = layout.format === "xlsx" ? { sheet: layout.sheet } : { encoding: layout.encoding, separator: layout.separator };
  return Object.fromEntries(Object.entries({ ...read, ...choices }).filter(([, v]) => v !== undefined)) as ImportProfileSettings;
}
