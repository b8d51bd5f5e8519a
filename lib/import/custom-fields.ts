/**
 * Columns of a clients file kept as custom fields (`clients.custom_fields`). In a mapping, and in a saved profile,
 * such a column maps to `custom:<name>`; standard field keys never contain a colon, so the two cannot be confused.
 */
import type { FieldDef } from "./fields";
import { EMPTY, fail, ok, type ParseResult } from "./result";
import { cellText } from "./values";

export const CUSTOM_FIELD_PREFIX = "custom:";
export const MAX_CUSTOM_FIELD_NAME = 40;
export const MAX_CUSTOM_FIELDS = 20;
export const MAX_CUSTOM_VALUE = 200;
/**
 * Longest mapping value a request may carry. Only a safety net: custom names are checked against their own limit
 * afterwards, so that a header too long to be a name gets a French explanation rather than a refused request.
 */
export const MAX_MAPPING_KEY = 500;

/** A name as stored: trimmed, inner runs of spaces and line breaks (Alt+Entrée in Excel headers) made one space. */
export function customFieldName(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function customFieldKey(name: string): string {
  return CUSTOM_FIELD_PREFIX + customFieldName(name);
}

export function isCustomFieldKey(key: string): boolean {
  return key.startsWith(CUSTOM_FIELD_PREFIX);
}

/** The custom field's name when the key is one, null for a standard field. */
export function customFieldOf(key: string): string | null {
  return isCustomFieldKey(key) ? customFieldName(key.slice(CUSTOM_FIELD_PREFIX.length)) : null;
}

export const customFieldLabel = (name: string) => `Champ personnalisé « ${name} »`;

export function customFieldDef(key: string): FieldDef {
  return { key, label: customFieldLabel(customFieldOf(key) ?? ""), required: false, type: "custom", synonyms: [] };
}

/** The default choice for a column kept as custom field: its header text, or its position when it has none. */
export function defaultCustomFieldKey(header: string, column: number): string {
  return customFieldKey(customFieldName(header) || `Colonne ${column + 1}`);
}

/** A custom value is the cell's text, as written (no guessing of numbers or dates); empty cells give no value. */
export function parseCustomValue(raw: unknown): ParseResult<string | null> {
  const text = cellText(raw);
  if (text === null) return EMPTY;
  const length = [...text].length;
  if (length > MAX_CUSTOM_VALUE) {
    return fail(`Valeur trop longue : ${MAX_CUSTOM_VALUE} caractères au maximum (${length} reçus).`);
  }
  return ok(text);
}

export type CustomFieldsCheck = { ok: true } | { ok: false; reason: string };

/** The names chosen in one mapping: each 1–40 characters without comma, at most 20, no two alike. */
export function checkCustomFieldNames(names: readonly string[]): CustomFieldsCheck {
  if (names.length > MAX_CUSTOM_FIELDS) {
    return fail(`Trop de champs personnalisés : ${MAX_CUSTOM_FIELDS} au maximum par import (${names.length} choisis).`);
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (name === "") return fail("Nom de champ personnalisé manquant : indiquez un nom.");
    if ([...name].length > MAX_CUSTOM_FIELD_NAME) {
      return fail(`Nom de champ personnalisé trop long (${MAX_CUSTOM_FIELD_NAME} caractères au maximum) : « ${name} ».`);
    }
    // The clients list keeps its chosen columns as one comma-separated list.
    if (name.includes(",")) return fail(`Le nom de champ personnalisé « ${name} » ne peut pas contenir de virgule.`);
    const folded = name.toLocaleLowerCase("fr");
    if (seen.has(folded)) return fail(`Le champ personnalisé « ${name} » est associé à plusieurs colonnes.`);
    seen.add(folded);
  }
  return { ok: true };
}
