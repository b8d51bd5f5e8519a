/**
 * The wizard's look at the whole file before the import: every warning the import would raise and what a
 * snapshot would settle. Reads the file and the book; writes nothing.
 */
import type { Db } from "@/db/client";
import type { UnresolvedRow } from "@/db/queries/import-apply";
import { stageDocuments } from "@/db/queries/import-documents";
import { defaultEntityId } from "@/db/queries/imports";
import { formatInteger } from "@/lib/format/fr";
import { type ImportRequest, parseFile } from "./parse-file";
import { checkAgainstStored, type SnapshotCheck, type StoredChecks } from "./stored-checks";
import { type ImportWarning, importWarning } from "./warnings";

export type FileInspection = { warnings: ImportWarning[]; snapshot: SnapshotCheck | null };

class Inspected extends Error {
  constructor(
    readonly checks: StoredChecks,
    readonly rejected: UnresolvedRow[],
  ) {
    super("inspected");
  }
}

/** Client codes the book does not hold, with the option that creates them (« Créer les clients inconnus »). */
export function unknownClientsWarning(rejected: readonly UnresolvedRow[], createClients: boolean): ImportWarning | null {
  const rows = rejected.filter((r) => r.column === "Code client");
  if (rows.length === 0) return null;
  const codes = [...new Set(rows.map((r) => r.value))];
  const examples = codes.slice(0, 5).map((c) => `« ${c} »`).join(", ") + (codes.length > 5 ? "…" : "");
  const found =
    `${formatInteger(codes.length)} code${codes.length > 1 ? "s" : ""} client${codes.length > 1 ? "s inconnus" : " inconnu"} ` +
    `sur ${formatInteger(rows.length)} ligne${rows.length > 1 ? "s" : ""} (${examples})`;
  const outcome = createClients
    ? " : ces clients seront créés à l'import (« Créer les clients inconnus »)."
    : " : ces lignes seront rejetées. Cochez « Créer les clients inconnus » (--create-clients) pour créer ces clients.";
  return importWarning("unknown_clients", found + outcome, rows.length, rows.map((r) => r.row));
}

export async function inspectImportFile(db: Db, request: ImportRequest): Promise<FileInspection> {
  const entityId = await defaultEntityId(db);
  if (!entityId) return { warnings: [], snapshot: null };
  const parsed = await parseFile(db, request, entityId, async () => {});
  // Clients and payments settle nothing by absence: their warnings are all in the file.
  if (request.kind === "clients" || request.kind === "payments") return { warnings: parsed.warnings, snapshot: null };
  let stored: StoredChecks;
  let unknown: ImportWarning | null;
  try {
    // The staging tables only live inside a transaction; rolling it back leaves nothing behind.
    await db.transaction(async (tx) => {
      const { rejected } = await stageDocuments(tx, parsed.documents, entityId);
      throw new Inspected(await checkAgainstStored(tx, parsed.errors.length > 0 ? "incremental" : parsed.mode), rejected);
    });
    throw new Error("unreachable");
  } catch (error) {
    if (!(error instanceof Inspected)) throw error;
    stored = error.checks;
    unknown = request.kind === "documents" ? unknownClientsWarning(error.rejected, parsed.createClients) : null;
  }
  return { warnings: [...parsed.warnings, ...stored.warnings, ...(unknown ? [unknown] : [])], snapshot: stored.snapshot };
}
