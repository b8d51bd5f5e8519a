/**
 * The wizard's look at the whole file before the import: every warning the import would raise, how many rows it
 * would reject, and what a snapshot would settle. Reads the file and the book; writes nothing.
 */
import type { Db } from "@/db/client";
import { stageDocuments } from "@/db/queries/import-apply";
import { defaultEntityId } from "@/db/queries/imports";
import { type ImportRequest, parseFile } from "./parse-file";
import { checkAgainstStored, type SnapshotCheck, type StoredChecks } from "./stored-checks";
import type { ImportWarning } from "./warnings";

export type FileInspection = { warnings: ImportWarning[]; rowErrors: number; snapshot: SnapshotCheck | null };

class Inspected extends Error {
  constructor(readonly checks: StoredChecks) {
    super("inspected");
  }
}

export async function inspectImportFile(db: Db, request: ImportRequest): Promise<FileInspection> {
  const entityId = await defaultEntityId(db);
  if (!entityId) return { warnings: [], rowErrors: 0, snapshot: null };
  const parsed = await parseFile(db, request, entityId, async () => {});
  const rowErrors = new Set(parsed.errors.map((e) => e.row)).size;
  // Clients and payments settle nothing by absence: their warnings are all in the file.
  if (request.kind === "clients" || request.kind === "payments") return { warnings: parsed.warnings, rowErrors, snapshot: null };
  let stored: StoredChecks;
  try {
    // The staging tables only live inside a transaction; rolling it back leaves nothing behind.
    await db.transaction(async (tx) => {
      await stageDocuments(tx, parsed.documents, entityId);
      throw new Inspected(await checkAgainstStored(tx, parsed.errors.length > 0 ? "incremental" : parsed.mode));
    });
    throw new Error("unreachable");
  } catch (error) {
    if (!(error instanceof Inspected)) throw error;
    stored = error.checks;
  }
  return { warnings: [...parsed.warnings, ...stored.warnings], rowErrors, snapshot: stored.snapshot };
}
