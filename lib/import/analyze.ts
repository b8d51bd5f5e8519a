import { detectDateOrder, type DateOrder } from "./date";
import type { EncodingDetection } from "./encoding-evidence";
import { validateFecHeader } from "./fec";
import { fieldForKey } from "./fields";
import { detectHeaderRow, NO_HEADER_MESSAGE, suggestMappingWithConfidence } from "./header";
import { type FileLayout, openRows } from "./open-rows";
import { type ImportProfileSettings, layoutWithProfile, mappingFromProfile, profileHeaderRow } from "./profiles";
import { ImportFileError } from "./result";
import { type ColumnMapping, parseFieldValue, validateMapping } from "./rows";
import type { SnapshotCheck } from "./stored-checks";
import type { ImportWarning } from "./warnings";
import { listSheets } from "./xlsx";

export const PREVIEW_ROWS = 50;

export type PreviewCell = { text: string; error?: string };
export type Analysis = {
  layout: FileLayout;
  sheets: string[];
  headerRow: number;
  headers: string[];
  mapping: Record<number, string>;
  mappingError: string | null;
  dateOrder: DateOrder;
  rows: { row: number; cells: PreviewCell[] }[];
  previewErrors: number;
  /** Whole-file checks (inspect-file.ts), filled in by the caller that can read the book. */
  warnings: ImportWarning[];
  snapshot: SnapshotCheck | null;
  /** Columns whose suggested field rests on a partial match of the header: to be checked. */
  probable: number[];
  /** Whether the date cells were read with day and month exchanged (excel-date-swap.ts). */
  swapExcelDates: boolean;
  /** Documents: whether unknown client codes are created rather than rejected (« Créer les clients inconnus »). */
  createClients: boolean;
  /** Why the text encoding was detected (null for workbooks). */
  encodingEvidence: EncodingDetection | null;
};

const shown = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? "" : String(value);

/**
 * What the wizard shows before committing: the layout found (or chosen), the header row, the suggested
 * mapping and the first rows with every mapped cell validated. Reads a text file once through for its encoding,
 * then only its head.
 */
export async function analyzeFile(
  path: string,
  fileName: string,
  kind: "clients" | "documents" | "fec" | "payments",
  choices: {
    layout?: Partial<FileLayout>;
    headerRow?: number;
    mapping?: ColumnMapping;
    dateOrder?: DateOrder;
    /** Codes of the known sociétés (see header-values.ts). */
    entityCodes?: readonly string[];
    /** A saved profile to apply to what the choices leave open. */
    profile?: { mapping: Record<string, string>; settings: ImportProfileSettings };
  } = {},
): Promise<Analysis> {
  const saved = choices.profile?.settings ?? {};
  const { layout, rows, encodingEvidence } = await openRows(path, fileName, {
    ...layoutWithProfile(choices.layout, saved),
    quote: kind !== "fec",
    explainEncoding: true,
  });
  const head: unknown[][] = [];
  for await (const cells of rows) {
    head.push(cells);
    if (head.length >= 20 + PREVIEW_ROWS) break;
  }
  const sheets = layout.format === "xlsx" ? (await listSheets(path)).filter((s) => !s.hidden).map((s) => s.name) : [];
  if (head.every((r) => r.length === 0)) throw new ImportFileError("Le fichier ne contient aucune ligne.");

  if (kind === "fec") {
    const headerRow = choices.headerRow ?? head.findIndex((r) => r.length > 0);
    const check = validateFecHeader(head[headerRow] ?? []);
    const body = head.slice(headerRow + 1).filter((r) => r.length > 0).slice(0, PREVIEW_ROWS);
    return {
      layout, sheets, headerRow, headers: (head[headerRow] ?? []).map(shown), mapping: {},
      mappingError: check.ok ? null : check.reason, dateOrder: "dmy",
      rows: body.map((cells, i) => ({ row: headerRow + i + 2, cells: cells.map((c) => ({ text: shown(c) })) })),
      previewErrors: 0, encodingEvidence, warnings: [], snapshot: null, swapExcelDates: false, createClients: false,
      probable: [],
    };
  }

  const headerRow =
    choices.headerRow ??
    (choices.profile ? profileHeaderRow(head, choices.profile.mapping, saved.headerRow) : (await detectHeaderRow(head, kind)).rowIndex);
  if (headerRow < 0) throw new ImportFileError(NO_HEADER_MESSAGE);
  const headers = (head[headerRow] ?? []).map(shown);
  const suggested =
    choices.mapping || choices.profile ? null : suggestMappingWithConfidence(head[headerRow], kind, head.slice(headerRow + 1), { entityCodes: choices.entityCodes });
  const mapping =
    choices.mapping ??
    (suggested
      ? Object.fromEntries(Object.entries(suggested).map(([column, s]) => [column, s.field]))
      : mappingFromProfile(head[headerRow], choices.profile!.mapping));
  const probable = suggested ? Object.entries(suggested).filter(([, s]) => s.confidence === "probable").map(([c]) => Number(c)) : [];
  const check = validateMapping(kind, mapping);
  const dateSamples = head.slice(headerRow + 1).flat().filter((v) => typeof v === "string");
  const dateOrder = choices.dateOrder ?? saved.dateOrder ?? detectDateOrder(dateSamples);
  let previewErrors = 0;
  const preview: Analysis["rows"] = [];
  head.forEach((cells, index) => {
    if (index <= headerRow || cells.length === 0 || preview.length >= PREVIEW_ROWS) return;
    preview.push({
      row: index + 1,
      cells: headers.map((_, column) => {
        const key = mapping[column];
        const field = key === undefined ? undefined : fieldForKey(kind, key);
        const text = shown(cells[column]);
        if (!field) return { text };
        const parsed = parseFieldValue(field, cells[column], { dateOrder });
        if (parsed.ok) return { text };
        previewErrors++;
        return { text, error: parsed.reason };
      }),
    });
  });
  return {
    layout, sheets, headerRow, headers, mapping, mappingError: check.ok ? null : check.reason, dateOrder,
    rows: preview, previewErrors, encodingEvidence, warnings: [], snapshot: null, swapExcelDates: false, createClients: false,
    probable,
  };
}
