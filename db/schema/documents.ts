import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { documentStatus, documentType, importKind, importMode, importStatus } from "./enums";
import { users } from "./organisation";

export type ImportRowError = { row: number; column: string; value: string; reason: string };

/** Something in a file that was imported as written but deserves a look: counted, with a few line numbers. */
export type ImportWarning = { code: string; message: string; count: number; amount?: string; rows?: number[] };

/** Per client: the balance the file gives and what Encaisse holds open after the import. */
export type ReconciliationRow = { clientCode: string; clientName: string; fileBalance: string; openInApp: string; difference: string };
export type ImportReconciliation = {
  clients: number;
  clientsWithDifference: number;
  fileBalance: string;
  openInApp: string;
  /** Differences first, then the largest balances; bounded, the totals cover every client. */
  rows: ReconciliationRow[];
};

export const imports = pgTable(
  "imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: importKind().notNull(),
    fileName: text().notNull(),
    fileHash: text().notNull(),
    mode: importMode(),
    mapping: jsonb().$type<Record<string, string>>(),
    status: importStatus().notNull().default("pending"),
    // Rows to read, when it can be known before reading (text files): the progress bar's 100 %.
    rowsTotal: integer(),
    rowsRead: integer().notNull().default(0),
    rowsInserted: integer().notNull().default(0),
    rowsUpdated: integer().notNull().default(0),
    rowsSettled: integer().notNull().default(0),
    rowsRejected: integer().notNull().default(0),
    errors: jsonb().$type<ImportRowError[]>().notNull().default([]),
    warnings: jsonb().$type<ImportWarning[]>().notNull().default([]),
    reconciliation: jsonb().$type<ImportReconciliation>(),
    message: text(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp({ withTimezone: true }),
    // Refreshed while the import works: a `running` import whose heartbeat stopped was killed.
    heartbeatAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.createdAt), index().on(t.fileHash)],
);

export type ImportProfileSettings = {
  sheet?: string;
  encoding?: "utf-8" | "utf-8-bom" | "windows-1252" | "cp850" | "utf-16le";
  separator?: ";" | "," | "\t" | "|";
  /** 0-based; checked against the saved headers, which win when the title rows above them change. */
  headerRow?: number;
  dateOrder?: "dmy" | "mdy";
  mode?: "snapshot" | "incremental";
  swapExcelDates?: boolean;
  /** Documents: create the clients whose codes the book does not hold, instead of rejecting their rows. */
  createClients?: boolean;
};

/** A named column mapping saved from the wizard and reused by later imports of the same ERP export. */
export const importProfiles = pgTable("import_profiles", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  kind: importKind().notNull(),
  // Header text as it appears in the file → field key.
  mapping: jsonb().$type<Record<string, string>>().notNull(),
  // How the file is read and imported, replayed as saved by unattended imports.
  settings: jsonb().$type<ImportProfileSettings>().notNull().default({}),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const documents = pgTable(
  "documents",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    type: documentType().notNull(),
    number: text().notNull(),
    reference: text(),
    issueDate: date({ mode: "string" }).notNull(),
    dueDate: date({ mode: "string" }).notNull(),
    // Signed: credit notes and unapplied payments are negative.
    amount: numeric({ precision: 16, scale: 2 }).notNull(),
    openAmount: numeric({ precision: 16, scale: 2 }).notNull(),
    currency: char({ length: 3 }).notNull().default("EUR"),
    status: documentStatus().notNull().default("open"),
    settledDate: date({ mode: "string" }),
    disputed: boolean().notNull().default(false),
    customFields: jsonb().$type<Record<string, string | number | null>>().notNull().default({}),
    // The imports that first and last brought the pièce (`imports.id`; the history is never deleted). No foreign
    // key: checked on every row written, the two cost a million-row import 9 s of its upsert.
    firstSeenImportId: uuid(),
    lastSeenImportId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.clientId, t.type, t.number),
    // Also carries (INCLUDE, migration 0028: the builder cannot say it) the currency, type, dispute and amounts, so
    // the Pièces list's totals are an index-only scan.
    index("documents_open_by_client_idx").on(t.clientId, t.dueDate).where(sql`${t.status} = 'open'`),
    index("documents_open_disputed_idx").on(t.clientId).where(sql`${t.status} = 'open' and ${t.disputed}`),
    index("documents_open_by_due_idx").on(t.dueDate).where(sql`${t.status} = 'open'`),
    // The few open pièces outside the base currency (BASE_CURRENCY), which the home and the fiche list apart.
    index("documents_open_foreign_idx").on(t.clientId, t.currency).where(sql`${t.status} = 'open' and ${t.currency} <> 'EUR'`),
    index().on(t.clientId, t.issueDate),
    index().on(t.settledDate),
  ],
);

export type Document = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type Import = typeof imports.$inferSelect;
export type ImportProfile = typeof importProfiles.$inferSelect;
