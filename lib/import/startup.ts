import type { Db } from "@/db/client";
import { closeInterruptedImports } from "./interrupted";
import { removeExpiredUploads } from "./uploads";

/** At the start of a server: the imports its previous run left `running` are closed, expired uploads removed. */
export async function recoverImportsAtStartup(db: Db): Promise<void> {
  await closeInterruptedImports(db, { startup: true });
  removeExpiredUploads();
}
