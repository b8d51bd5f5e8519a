import { getDb } from "@/db/client";
import { finishJobRun, startJobRun } from "@/db/queries/job-runs";
import { today } from "@/lib/dates";
import { env } from "@/lib/env";
import { importDropFolder } from "@/lib/import/drop-folder";
import { defineJob } from "../define-job";

/** Every 10 minutes: imports what the ERP dropped in IMPORT_DROP_DIR (nothing to do when it is unset). */
export const importDropJob = defineJob({
  id: "import-drop",
  name: "Dossier de dépôt des imports",
  event: "import/drop.requested",
  cron: { pattern: "*/10 * * * *", timeZone: env.COMPANY_TIMEZONE, label: "Toutes les 10 minutes" },
  handler: async ({ step }) =>
    step.run("import-drop-folder", async () => {
      if (!env.IMPORT_DROP_DIR) return { files: [] };
      const db = await getDb();
      const date = today();
      const started = Date.now();
      const files = await importDropFolder(db, env.IMPORT_DROP_DIR, { mode: env.IMPORT_DROP_MODE, importDate: date });
      // Runs that found nothing are not worth a line in the history; each import is in the import history anyway.
      if (files.length > 0) {
        const runId = await startJobRun(db, "import-drop", date);
        await finishJobRun(db, runId, { report: { files, durationMs: Date.now() - started } });
      }
      return { files };
    }),
});
