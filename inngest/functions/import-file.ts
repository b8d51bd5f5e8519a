import { z } from "zod";
import { getDb } from "@/db/client";
import { isoDatePattern, today } from "@/lib/dates";
import { runImport } from "@/lib/import/run-import";
import { defineJob } from "../define-job";

const eventData = z.object({
  kind: z.enum(["clients", "documents", "fec"]),
  filePath: z.string().min(1),
  fileName: z.string().min(1),
  mode: z.enum(["snapshot", "incremental"]).default("incremental"),
  importDate: z.string().regex(isoDatePattern).optional(),
  userId: z.uuid().nullable().default(null),
  acceptRowErrors: z.boolean().default(false),
  fecDefaultTermsDays: z.number().int().min(0).max(365).optional(),
  profile: z.string().max(100).optional(),
});

/** Imports one file in the background; the file must be readable by the process that runs the job. */
export const importFileJob = defineJob({
  id: "import-file",
  name: "Import de fichier",
  event: "import/requested",
  handler: async ({ event, step }) => {
    const data = eventData.parse(event.data);
    return step.run("import", async () => {
      const outcome = await runImport(await getDb(), { ...data, importDate: data.importDate ?? today() });
      return { ...outcome, errors: outcome.errors.slice(0, 100) };
    });
  },
});
