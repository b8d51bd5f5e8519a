import type { StagedClient as ClientRow } from "@/db/queries/import-apply";
import type { StagedDocument as DocumentRow } from "@/db/queries/import-documents";
import { parseAmount } from "./amount";
import { checkCustomFieldNames, customFieldOf, parseCustomValue } from "./custom-fields";
import { parseDate, type DateOrder } from "./date";
import { parseDocumentStatus } from "./document-status";
import { swapDayAndMonth } from "./excel-date-swap";
import { parseDocumentType } from "./document-type";
import { fieldForKey, fieldsFor, requiredFieldsMissing, type FieldDef, type ImportKind, type ValueType } from "./fields";
import { fail, ok, requireValue, type ParseResult } from "./result";
import * as values from "./values";

/** Turns mapped spreadsheet rows into validated rows shaped like the database staging rows. */

/** The validated rows are exactly what the database stages. */
export type { ClientRow, DocumentRow };

export type RowError = { row: number; column: string; value: string; reason: string };
/** value null: a row to skip (a "Total" line at the bottom of an export, a draft invoice). */
export type RowResult<T> = { ok: true; value: T | null } | { ok: false; errors: RowError[] };
/** Column index (0-based) → field key. */
export type ColumnMapping = Readonly<Record<number, string>>;
export type ValueOptions = { dateOrder: DateOrder; swapDateCells?: boolean };
export type FieldValue = string | number | boolean | null;

type ValueParser = (raw: unknown, options: ValueOptions) => ParseResult<FieldValue>;

const PARSERS: Record<ValueType, ValueParser> = {
  code: values.parseCode,
  text: values.parseText,
  amount: parseAmount,
  date: (raw, options) => parseDate(options.swapDateCells && raw instanceof Date ? swapDayAndMonth(raw) : raw, options.dateOrder),
  integer: values.parseInteger,
  days: values.parsePaymentTerms,
  siren: values.parseSiren,
  siret: values.parseSiret,
  email: values.parseEmail,
  documentType: (raw) => ok(parseDocumentType(raw)),
  documentStatus: parseDocumentStatus,
  flag: values.parseFlag,
  currency: values.parseCurrency,
  postalCode: values.parsePostalCode,
  country: values.parseCountry,
  civility: values.parseCivility,
  custom: parseCustomValue,
};

/** One cell checked against its field, as the preview shows it. */
export function parseFieldValue(field: FieldDef, raw: unknown, options: ValueOptions): ParseResult<FieldValue> {
  const result = PARSERS[field.type](raw, options);
  return field.required ? requireValue(result) : result;
}

export type MappingCheck = { ok: true } | { ok: false; reason: string };

export function validateMapping(kind: ImportKind, mapping: ColumnMapping): MappingCheck {
  const fields = new Map(fieldsFor(kind).map((f) => [f.key, f]));
  const mapped = new Set<string>();
  const customNames: string[] = [];
  for (const key of Object.values(mapping)) {
    const customName = customFieldOf(key);
    if (customName !== null) {
      if (kind !== "clients") return fail("Les champs personnalisés ne sont proposés que pour l'import des clients.");
      customNames.push(customName);
      continue;
    }
    const field = fields.get(key);
    if (!field) return fail(`Champ inconnu : ${key}.`);
    if (mapped.has(key)) return fail(`Le champ « ${field.label} » est associé à plusieurs colonnes.`);
    mapped.add(key);
  }
  const custom = checkCustomFieldNames(customNames);
  if (!custom.ok) return custom;
  const missing = requiredFieldsMissing(kind, mapped);
  if (missing.length === 0) return { ok: true };
  const labels = missing.map((f) => f.label).join(", ");
  if (missing.length === 1) return fail(`Colonne obligatoire non associée : ${labels}.`);
  return fail(`Colonnes obligatoires non associées : ${labels}.`);
}

/** label: what a row error calls the column; customName: the custom field it fills, if any. */
type CompiledColumn = { column: number; field: FieldDef; label: string; customName: string | null; parse: ValueParser };

export function compile(kind: ImportKind, mapping: ColumnMapping, headers: readonly unknown[] = []): CompiledColumn[] {
  return Object.entries(mapping).map(([column, key]) => {
    const field = fieldForKey(kind, key);
    if (!field) throw new Error(`Unknown ${kind} field: ${key}`);
    const parse = PARSERS[field.type];
    const customName = customFieldOf(key);
    // A custom field's errors name the file's column, the only name the admin knows it by.
    const label = customName === null ? field.label : (values.cellText(headers[Number(column)]) ?? customName);
    return {
      column: Number(column), field, label, customName,
      parse: field.required ? (raw, o) => requireValue(parse(raw, o)) : parse,
    };
  });
}

/** Parses every mapped cell into `out`; returns the errors, or null when all cells are valid. */
export function readCells(
  columns: CompiledColumn[],
  cells: readonly unknown[],
  row: number,
  options: ValueOptions,
  out: Record<string, FieldValue>,
): RowError[] | null {
  let errors: RowError[] | null = null;
  for (const { column, field, label, parse } of columns) {
    const raw = cells[column];
    const result = parse(raw, options);
    if (result.ok) out[field.key] = result.value;
    else (errors ??= []).push({ row, column: label, value: values.cellText(raw) ?? "", reason: result.reason });
  }
  return errors;
}

const TOTAL_ROW = /^(?:sous[-\s]?)?(?:total|totaux)(?:\s|:|$)/i;

/** A footer line ("Total général", "Sous-total :"): its first filled cell says so. */
export function isTotalRow(cells: readonly unknown[]): boolean {
  const first = cells.find((cell) => cell !== null && cell !== undefined && cell !== "");
  return typeof first === "string" && TOTAL_ROW.test(first.trim());
}

export const text = (v: FieldValue | undefined) => (typeof v === "string" ? v : null);
const int = (v: FieldValue | undefined) => (typeof v === "number" ? v : null);

/** Clients; headers name the columns kept as custom fields in row errors. Empty custom cells are left out. */
export function createClientRowParser(mapping: ColumnMapping, options: ValueOptions, headers: readonly unknown[] = []) {
  const columns = compile("clients", mapping, headers);
  const custom = columns.filter((c) => c.customName !== null);
  return (cells: readonly unknown[], row: number): RowResult<ClientRow> => {
    const v: Record<string, FieldValue> = {};
    const errors = readCells(columns, cells, row, options, v);
    if (errors) return isTotalRow(cells) ? { ok: true, value: null } : { ok: false, errors };
    const customFields: Record<string, string> = {};
    for (const { field, customName } of custom) {
      const value = v[field.key];
      if (typeof value === "string") customFields[customName!] = value;
    }
    return {
      ok: true,
      value: {
        row, entityCode: text(v.entityCode), code: v.code as string, name: v.name as string, siren: text(v.siren),
        siret: text(v.siret), vatNumber: text(v.vatNumber), address: text(v.address), postalCode: text(v.postalCode),
        city: text(v.city), country: text(v.country), phone: text(v.phone), email: text(v.email),
        paymentTermsDays: int(v.paymentTermsDays), creditLimit: text(v.creditLimit),
        collectorEmail: text(v.collectorEmail), salesRepEmail: text(v.salesRepEmail),
        contactName: text(v.contactName), contactCivility: text(v.contactCivility), customFields,
      },
    };
  };
}
