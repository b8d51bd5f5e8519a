import { normalizeHeader } from "./header";
import type { ColumnMapping } from "./rows";

/** A mapping by column position becomes one by header text, so it still applies when columns move. */
export function profileFromMapping(headers: readonly unknown[], mapping: ColumnMapping): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mapping)
      .filter(([column]) => headers[Number(column)] !== undefined)
      .map(([column, field]) => [normalizeHeader(headers[Number(column)]), field]),
  );
}

/** The saved mapping applied to this file's headers; headers the profile does not know stay unmapped. */
export function mappingFromProfile(headers: readonly unknown[], profile: Record<string, string>): Record<number, string> {
  const mapping: Record<number, string> = {};
  headers.forEach((header, column) => {
    const field = profile[normalizeHeader(header)];
    if (field && !Object.values(mapping).includes(field)) mapping[column] = field;
  });
  return mapping;
}
