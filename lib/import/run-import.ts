import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { Db } from "@/db/client";
import { materialiseColumns } from "@/db/queries/calculated-values";
import { applyClients } from "@/db/queries/import-apply";
import { openImportedDisputes } from "@/db/queries/import-disputes";
import { stageDocuments, writeStagedDocuments } from "@/db/queries/import-documents";
import { reconcileBalances } from "@/db/queries/import-reconciliation";
import {
  abandonImportRecord,
  createImportRecord,
  defaultEntityId,
  finishImportRecord,
  type ImportCounts,
  markImportStarted,
  updateImportProgress,
} from "@/db/queries/imports";
import { recordAudit } from "@/db/queries/audit";
import { saveImportProfile } from "@/db/queries/import-profiles";
import { notifyAdminsOfImport } from "@/db/queries/notification-sources";
import { recomputeGroupMembership } from "@/db/queries/group-membership";
import { applyPayments, type PaymentTotals } from "@/db/queries/payments-apply";
import { hasSettledInvoicesInDsoWindow } from "@/db/queries/sales-history";
import { recordDailySnapshot } from "@/db/queries/snapshots";
import { collectTouchedClients, touchedClientIds } from "@/db/queries/touched-clients";
import type { ImportReconciliation } from "@/db/schema";
import { formatInteger } from "@/lib/format/fr";
import { DSO_MAX_MONTHS } from "@/lib/kpi/dso";
import { writeErrorFile } from "./error-file";
import { type ImportRequest, type Parsed, parseFile } from "./parse-file";
import { paymentsMessage } from "./payment-rows";
import { closeInterruptedImports, keepImportAlive } from "./interrupted";
import { ImportFileError } from "./result";
import type { RowError } from "./rows";
import { checkAgainstStored } from "./stored-checks";
import type { ImportWarning } from "./warnings";

export type { ImportKind, ImportRequest } from "./parse-file";

export type ImportOutcome = {
  importId: string;
  status: "succeeded" | "failed";
  message: string;
  counts: ImportCounts;
  errors: RowError[];
  /** Every row error as xlsx (the history keeps the first thousand); null without errors. */
  errorFile: string | null;
  warnings: ImportWarning[];
  reconciliation: ImportReconciliation | null;
};

/**
 * One pass over the bytes: the file's sha-256 for the history, and for a text file its line count, the
 * denominator of the progress bar (unknown for xlsx, a zip).
 */
async function scanFile(path: string): Promise<{ hash: string; lines: number | undefined }> {
  const hash = createHash("sha256");
  let lines = 0;
  let magic: string | undefined;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    magic ??= bytes.subarray(0, 2).toString("latin1");
    hash.update(bytes);
    for (const byte of bytes) if (byte === 10) lines++;
  }
  return { hash: hash.digest("hex"), lines: magic === "PK" ? undefined : lines };
}


const UNEXPECTED_FAILURE = "Import interrompu par une erreur inattendue : aucune donnée modifiée.";
const UNREADABLE_FILE = "Import interrompu : fichier illisible ou supprimé, aucune donnée modifiée.";
const zero: ImportCounts = { read: 0, inserted: 0, updated: 0, settled: 0, rejected: 0 };

/**
 * Imports one file, all or nothing: the file is read and validated first, then applied in one transaction
 * (upserts, snapshot settling, balances). Any failure leaves the data as it was; the attempt is recorded either way.
 */
export async function runImport(db: Db, request: ImportRequest): Promise<ImportOutcome> {
  let scanned: Awaited<ReturnType<typeof scanFile>>;
  try {
    scanned = await scanFile(request.filePath);
  } catch (error) {
    if (request.importId) await abandonImportRecord(db, request.importId, UNREADABLE_FILE).catch(() => {});
    throw error;
  }
  const { hash, lines } = scanned;
  if (request.importId) await markImportStarted(db, request.importId, hash);
  const importId =
    request.importId ??
    (await createImportRecord(db, {
      kind: request.kind,
      fileName: request.fileName,
      fileHash: hash,
      mode: request.kind === "clients" || request.kind === "payments" ? null : (request.mode ?? "incremental"),
      userId: request.userId,
    }));
  const stopHeartbeat = keepImportAlive(db, importId);
  try {
    await closeInterruptedImports(db);
    const outcome = await importRecorded(db, request, importId, lines);
    await notifyAdminsOfImport(db, importId);
    return outcome;
  } catch (error) {
    // The transaction rolled back. With the database gone the record cannot be written either: it stays running
    // until the heartbeat check closes it.
    await abandonImportRecord(db, importId, UNEXPECTED_FAILURE).catch(() => {});
    await notifyAdminsOfImport(db, importId).catch(() => {});
    throw error;
  } finally {
    stopHeartbeat();
  }
}

async function importRecorded(db: Db, request: ImportRequest, importId: string, lines: number | undefined): Promise<ImportOutcome> {
  let warnings: ImportWarning[] = [];
  const fail = async (message: string, counts: ImportCounts, errors: RowError[], mapping?: Record<string, string>) => {
    await finishImportRecord(db, importId, { status: "failed", message, counts, errors, warnings, mapping });
    const errorFile = await writeErrorFile(importId, errors);
    return { importId, status: "failed" as const, message, counts, errors, errorFile, warnings, reconciliation: null };
  };

  const entityId = await defaultEntityId(db);
  if (!entityId) return fail("Aucune société n'est définie : créez d'abord un compte administrateur.", zero, []);

  let parsed: Parsed;
  try {
    await updateImportProgress(db, importId, 0, lines);
    parsed = await parseFile(db, request, entityId, (rowsRead) => updateImportProgress(db, importId, rowsRead));
  } catch (error) {
    if (error instanceof ImportFileError) return fail(error.message, zero, []);
    throw error;
  }

  warnings = [...parsed.warnings];
  const rejectedRows = new Set(parsed.errors.map((e) => e.row));
  if (parsed.errors.length > 0 && !request.acceptRowErrors) {
    const counts = { ...zero, read: parsed.read, rejected: rejectedRows.size };
    return fail(
      `${rejectedRows.size} ligne${rejectedRows.size > 1 ? "s" : ""} en erreur : fichier refusé, aucune donnée modifiée.`,
      counts,
      parsed.errors,
      parsed.mapping,
    );
  }

  let paymentTotals: PaymentTotals | null = null;
  try {
    const result = await db.transaction(async (tx) => {
      const counts: ImportCounts = { ...zero, read: parsed.read };
      const created = { clients: 0, disputes: 0 };
      let documentsWritten = false;
      const errors = [...parsed.errors];
      if (parsed.clients.length > 0) {
        const applied = await applyClients(tx, parsed.clients, entityId);
        counts.inserted += applied.counts.inserted;
        counts.updated += applied.counts.updated;
        errors.push(...applied.rejected);
      }
      if (parsed.documents.length > 0 || ((request.kind === "documents" || request.kind === "fec") && parsed.mode === "snapshot")) {
        // Rows rejected while reading may be open items still owed: a snapshot must not settle them.
        const mode = parsed.errors.length > 0 ? "incremental" : parsed.mode;
        const staged = await stageDocuments(tx, parsed.documents, entityId, { createClients: parsed.createClients });
        errors.push(...staged.rejected);
        created.clients = staged.clientsCreated;
        const stored = await checkAgainstStored(tx, mode);
        warnings.push(...stored.warnings);
        if (stored.snapshot?.needsConfirmation && !request.confirmSettle) {
          throw new ImportRefused(`Photographie complète non confirmée : fichier refusé, aucune donnée modifiée. ${stored.snapshot.message}`);
        }
        const written = await writeStagedDocuments(tx, { importId, importDate: request.importDate, mode, defaultEntityId: entityId });
        documentsWritten = true;
        counts.inserted += written.inserted;
        counts.updated += written.updated;
        counts.settled += written.settled;
        created.disputes = await openImportedDisputes(tx, request.userId);
      }
      if (request.strict && warnings.length > 0) {
        throw new ImportRefused(
          `${warnings.length} avertissement${warnings.length > 1 ? "s" : ""} en mode strict : fichier refusé, aucune donnée modifiée.`,
        );
      }
      if (parsed.payments) {
        const applied = await applyPayments(tx, parsed.payments, { importId, defaultEntityId: entityId });
        counts.inserted += applied.counts.inserted;
        counts.updated += applied.counts.updated;
        counts.settled += applied.counts.settled;
        errors.push(...applied.rejected);
        paymentTotals = applied.totals;
      }
      const reconciliation = parsed.balances ? await reconcileBalances(tx, entityId, parsed.balances) : null;
      counts.rejected = new Set(errors.map((e) => e.row)).size;
      if (errors.length > parsed.errors.length && !request.acceptRowErrors) {
        throw new RowsRejected(counts, errors);
      }
      // Keeping the valid rows of a file that has none is not a success.
      if (parsed.read > 0 && counts.rejected >= parsed.read) throw new RowsRejected(counts, errors);
      if (request.saveProfileAs && parsed.profile) {
        await saveImportProfile(tx, {
          name: request.saveProfileAs, kind: request.kind, mapping: parsed.profile, settings: parsed.settings ?? {},
        });
      }
      await collectTouchedClients(tx);
      // Pièces written change the sales by what they add; clients written may move them between portfolios.
      const salesChanges = parsed.clients.length === 0 && documentsWritten;
      await recordDailySnapshot(tx, request.importDate, { clients: touchedClientIds, salesChanges });
      // Only the clients this import wrote; group criteria may read their calculated columns.
      await materialiseColumns(tx, request.importDate, { onlyTouchedClients: true });
      // Group criteria read the balances the snapshot has just copied onto clients.
      await recomputeGroupMembership(tx, request.importDate);
      await recordAudit(tx, {
        userId: request.userId,
        action: "import.commit",
        targetType: "import",
        targetId: importId,
        details: { fileName: request.fileName, kind: request.kind, ...counts, clientsCreated: created.clients, disputesOpened: created.disputes },
      });
      errorsSorted(errors);
      const openItemsOnly = documentsWritten && !(await hasSettledInvoicesInDsoWindow(tx, request.importDate));
      const message = paymentTotals
        ? paymentsMessage(counts, paymentTotals)
        : `Import terminé : ${formatInteger(counts.inserted)} créé(s), ${formatInteger(counts.updated)} mis à jour, ` +
          `${formatInteger(counts.settled)} soldé(s), ${formatInteger(counts.rejected)} rejeté(s).` +
          (request.kind !== "clients" && parsed.mode === "snapshot" && parsed.errors.length > 0
            ? " Fichier incomplet : les pièces absentes n'ont pas été soldées."
            : "") +
          createdNote(created) +
          reconciliationNote(reconciliation) +
          (openItemsOnly ? OPEN_ITEMS_ONLY_NOTE : "");
      // In the data's own transaction: a process killed while committing leaves a history that matches the data.
      await finishImportRecord(tx, importId, { status: "succeeded", message, counts, errors, warnings, reconciliation, mapping: parsed.mapping });
      return { counts, errors, reconciliation, message };
    });
    const errorFile = await writeErrorFile(importId, result.errors);
    return { importId, status: "succeeded", ...result, errorFile, warnings };
  } catch (error) {
    if (error instanceof ImportRefused) return fail(error.message, { ...zero, read: parsed.read }, parsed.errors, parsed.mapping);
    if (error instanceof RowsRejected) {
      errorsSorted(error.errors);
      const none = error.counts.rejected >= parsed.read ? " et aucune ligne valide" : "";
      return fail(
        `${error.counts.rejected} ligne${error.counts.rejected > 1 ? "s" : ""} en erreur${none} : fichier refusé, aucune donnée modifiée.`,
        { ...error.counts, inserted: 0, updated: 0, settled: 0 },
        error.errors,
        parsed.mapping,
      );
    }
    throw error;
  }
}

/** Raised inside the transaction to roll it back when the file must not go in as it is; the message says why. */
class ImportRefused extends Error {}

/** Raised inside the transaction to roll it back when the database finds rows it cannot take. */
class RowsRejected extends Error {
  constructor(
    readonly counts: ImportCounts,
    readonly errors: RowError[],
  ) {
    super("rows rejected");
  }
}

function createdNote(created: { clients: number; disputes: number }): string {
  const { clients, disputes } = created;
  return (
    (clients > 0 ? ` ${formatInteger(clients)} client${clients > 1 ? "s créés" : " créé"} d'après le fichier.` : "") +
    (disputes > 0 ? ` ${formatInteger(disputes)} litige${disputes > 1 ? "s ouverts" : " ouvert"}.` : "")
  );
}

// Paid invoices are the missing sales: the countback runs over months it knows only in part.
const OPEN_ITEMS_ONLY_NOTE =
  ` Seules des pièces ouvertes sont connues : pour un DSO juste, importez aussi les factures réglées des ${DSO_MAX_MONTHS} derniers mois.`;

function reconciliationNote(reconciliation: ImportReconciliation | null): string {
  if (!reconciliation || reconciliation.clientsWithDifference === 0) return "";
  const n = reconciliation.clientsWithDifference;
  return ` Écart de rapprochement sur ${formatInteger(n)} client${n > 1 ? "s" : ""} : voir le tableau ci-dessous.`;
}

function errorsSorted(errors: RowError[]) {
  errors.sort((a, b) => a.row - b.row);
}
