import type { Db } from "@/db/client";
import type { FileBalance } from "@/db/queries/import-reconciliation";
import { findImportProfile } from "@/db/queries/import-profiles";
import { entityCodes, paymentTermsByCode } from "@/db/queries/imports";
import type { DateOrder } from "./date";
import { detectDateOrder } from "./date";
import { createDocumentChecks } from "./document-checks";
import { createDocumentNotes } from "./document-notes";
import { createDocumentRowParser } from "./document-rows";
import { createExcelDateCheck } from "./excel-date-swap";
import { createFecCollector } from "./fec-items";
import { fecLineFromCells, validateFecHeader } from "./fec";
import { fieldForKey } from "./fields";
import { detectHeaderRow, NO_HEADER_MESSAGE, suggestMapping } from "./header";
import { type FileLayout, openRows } from "./open-rows";
import { createPaymentRowParser, duplicatePaymentWarnings, type PaymentRow } from "./payment-rows";
import { type ImportProfileSettings, layoutWithProfile, mappingFromProfile, profileFromMapping, profileHeaderRow, settingsOf } from "./profiles";
import { ImportFileError } from "./result";
import {
  type ClientRow,
  type ColumnMapping,
  createClientRowParser,
  type DocumentRow,
  type RowError,
  validateMapping,
} from "./rows";
import type { ImportWarning } from "./warnings";

export type ImportKind = "clients" | "documents" | "fec" | "payments";

export type ImportRequest = {
  kind: ImportKind;
  filePath: string;
  fileName: string;
  /** Incremental unless the request or its profile asks for a snapshot. */
  mode?: "snapshot" | "incremental";
  /** Business date of the import: settlement date of the items a snapshot no longer lists. */
  importDate: string;
  userId: string | null;
  /** Import the valid rows and skip the others; otherwise any row error rejects the whole file. */
  acceptRowErrors: boolean;
  layout?: Partial<FileLayout>;
  /** 0-based index of the header row; detected when absent. */
  headerRow?: number;
  mapping?: ColumnMapping;
  /** Name of a saved mapping profile, used when no explicit mapping is given. */
  profile?: string;
  /** Save the mapping used under this name once the import succeeds. */
  saveProfileAs?: string;
  dateOrder?: DateOrder;
  fecDefaultTermsDays?: number;
  /** Exchange day and month of the date cells of a month-first file that Excel read day-first. */
  swapExcelDates?: boolean;
  /** Let a snapshot settle more of the book than a safe share (see stored-checks.ts). */
  confirmSettle?: boolean;
  /** Refuse a file that raises any warning (unattended imports that must stop rather than guess). */
  strict?: boolean;
  /** Documents: create the clients whose codes the book does not hold instead of rejecting their rows. */
  createClients?: boolean;
  /** The history record, when the caller created it to follow the progress; created here otherwise. */
  importId?: string;
};

const HEADER_SCAN = 20;
const PROGRESS_EVERY = 20_000;

export type Parsed = {
  clients: ClientRow[];
  documents: DocumentRow[];
  /** Payments file: the lines, applied once the file is read. */
  payments?: PaymentRow[];
  errors: RowError[];
  warnings: ImportWarning[];
  /** FEC: each customer account's balance in the file, reconciled with the open items after the import. */
  balances?: FileBalance[];
  read: number;
  /** Header → field label, for the history. */
  mapping?: Record<string, string>;
  /** Header → field key, and how the file was read, for a saved profile. */
  profile?: Record<string, string>;
  settings?: ImportProfileSettings;
  /** The request's mode, else its profile's, else incremental. */
  mode: "snapshot" | "incremental";
  /** Documents: the request's choice, else its profile's, else no. */
  createClients: boolean;
};

const isEmpty = (cells: unknown[]) => cells.every((c) => c === null || c === undefined || c === "");

/** Reads and validates the whole file into staged rows; nothing touches the database here. */
export async function parseFile(
  db: Db,
  request: ImportRequest,
  entityId: string,
  progress: (rowsRead: number) => Promise<void>,
): Promise<Parsed> {
  const saved = request.profile ? await findImportProfile(db, request.profile) : null;
  if (request.profile && !saved) throw new ImportFileError(`Profil de correspondance inconnu : « ${request.profile} ».`);
  // What the request leaves open, the profile decides, as it was when the profile was saved.
  const settings = saved?.settings ?? {};
  const { layout, rows } = await openRows(request.filePath, request.fileName, {
    ...layoutWithProfile(request.layout, settings),
    quote: request.kind !== "fec",
  });
  const dateOrder = request.dateOrder ?? settings.dateOrder;
  const swapExcelDates = request.swapExcelDates ?? settings.swapExcelDates ?? false;
  const head: unknown[][] = [];
  const iterator = rows[Symbol.asyncIterator]();
  while (head.length < HEADER_SCAN) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  if (head.every(isEmpty)) throw new ImportFileError("Le fichier ne contient aucune ligne.");

  const parsed: Parsed = {
    clients: [], documents: [], errors: [], warnings: [], read: 0, mode: request.mode ?? settings.mode ?? "incremental",
    createClients: request.kind === "documents" && (request.createClients ?? settings.createClients ?? false),
  };
  let consume: (cells: unknown[], row: number) => void;
  let finish = () => {};
  let headerIndex: number;

  if (request.kind === "fec") {
    headerIndex = request.headerRow ?? head.findIndex((r) => !isEmpty(r));
    const check = validateFecHeader(head[headerIndex] ?? []);
    if (!check.ok) throw new ImportFileError(check.reason);
    const terms = await paymentTermsByCode(db, entityId);
    const fallback = request.fecDefaultTermsDays ?? 30;
    const collector = createFecCollector({
      paymentTermsDays: (code) => terms.get(code) ?? fallback,
      fileName: request.fileName,
    });
    consume = (cells, row) => collector.add(fecLineFromCells(cells, check.columns, row));
    finish = () => {
      const items = collector.finish();
      Object.assign(parsed, {
        clients: items.clients, documents: items.documents, errors: items.errors, warnings: items.warnings,
        balances: items.balances,
      });
    };
  } else {
    const kind = request.kind;
    headerIndex =
      request.headerRow ??
      (saved ? profileHeaderRow(head, saved.mapping, settings.headerRow) : (await detectHeaderRow(head, kind)).rowIndex);
    if (headerIndex < 0 || !head[headerIndex]) throw new ImportFileError(NO_HEADER_MESSAGE);
    const mapping =
      request.mapping ??
      (saved
        ? mappingFromProfile(head[headerIndex], saved.mapping)
        : suggestMapping(head[headerIndex], kind, head.slice(headerIndex + 1), { entityCodes: await entityCodes(db) }));
    const valid = validateMapping(kind, mapping);
    if (!valid.ok) throw new ImportFileError(valid.reason);
    parsed.profile = profileFromMapping(head[headerIndex], mapping);
    parsed.mapping = Object.fromEntries(
      Object.entries(mapping).map(([column, key]) => [
        String(head[headerIndex][Number(column)] ?? column),
        fieldForKey(kind, key)?.label ?? key,
      ]),
    );
    const dateSamples = head.slice(headerIndex + 1).flat().filter((v) => typeof v === "string");
    const options = { dateOrder: dateOrder ?? detectDateOrder(dateSamples) };
    parsed.settings = settingsOf(layout, {
      headerRow: headerIndex, dateOrder: options.dateOrder, mode: parsed.mode, swapExcelDates,
      createClients: parsed.createClients || undefined,
    });
    if (kind === "clients") {
      const parse = createClientRowParser(mapping, options, head[headerIndex]);
      consume = (cells, row) => {
        const result = parse(cells, row);
        if (!result.ok) parsed.errors.push(...result.errors);
        else if (result.value) parsed.clients.push(result.value);
      };
    } else if (kind === "payments") {
      const parse = createPaymentRowParser(mapping, options);
      const payments: PaymentRow[] = (parsed.payments = []);
      consume = (cells, row) => {
        const result = parse(cells, row);
        if (!result.ok) parsed.errors.push(...result.errors);
        else if (result.value) payments.push(result.value);
      };
      finish = () => parsed.warnings.push(...duplicatePaymentWarnings(payments));
    } else {
      const notes = createDocumentNotes();
      const parse = createDocumentRowParser(mapping, { ...options, swapDateCells: swapExcelDates }, notes);
      const checks = createDocumentChecks(request.importDate);
      const dateColumns = Object.entries(mapping)
        .filter(([, key]) => fieldForKey(kind, key)?.type === "date")
        .map(([column]) => ({ column: Number(column), label: String(head[headerIndex][Number(column)] ?? column) }));
      const excelDates = createExcelDateCheck(dateColumns);
      consume = (cells, row) => {
        excelDates.observe(cells, row);
        const result = parse(cells, row);
        if (!result.ok) parsed.errors.push(...result.errors);
        else if (result.value) {
          checks.add(result.value);
          parsed.documents.push(result.value);
        }
      };
      finish = () => parsed.warnings.push(...excelDates.finish(swapExcelDates), ...notes.finish(), ...checks.finish());
    }
  }

  let index = 0;
  const take = (cells: unknown[]) => {
    if (index > headerIndex && !isEmpty(cells)) {
      parsed.read++;
      consume(cells, index + 1);
    }
    index++;
  };
  for (const cells of head) take(cells);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    take(next.value);
    if (index % PROGRESS_EVERY === 0) await progress(parsed.read);
  }
  finish();
  await progress(parsed.read);
  return parsed;
}
