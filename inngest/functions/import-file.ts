import { z } from "zod";
import { getDb } from "@/db/client";
import { isoDatePattern, today } from "@/lib/dates";
import { runImport } from "@/lib/import/run-import";
import { removeUpload } from "@/lib/import/uploads";
import { defineJob } from "../define-job";

const eventData = z.object({
  kind: z.enum(["clients", "documents", "fec", "payments"]),
  filePath: z.string().min(1),
  fileName: z.string().min(1),
  /** Left out, the profile's mode applies, else incremental. */
  mode: z.enum(["snapshot", "incremental"]).optional(),
  importDate: z.string().regex(isoDatePattern).optional(),
  userId: z.uuid().nullable().default(null),
  acceptRowErrors: z.boolean().default(false),
  strict: z.boolean().default(false),
  swapExcelDates: z.boolean().optional(),
  confirmSettle: z.boolean().optional(),
  /** Left out, the profile's choice applies, else unknown client codes are rejected. */
  createClients: z.boolean().optional(),
  fecDefaultTermsDays: z.number().int().min(0).max(365).optional(),
  profile: z.string().max(100).optional(),
  saveProfileAs: z.string().max(100).optional(),
  importId: z.uuid().optional(),
  /** Wizard uploads are removed once imported; files given on the command line never are. */
  deleteFileAfter: z.boolean().default(false),
  headerRow: z.number().int().min(0).max(19).optional(),
  dateOrder: z.enum(["dmy", "mdy"]).optional(),
  mapping: z.record(z.string(), z.string()).optional(),
  layout: z
    .object({
      sheet: z.string().optional(),
      encoding: z.enum(["utf-8", "utf-8-bom", "windows-1252", "cp850", "utf-16le"]).optional(),
      separator: z.enum([";", ",", "\t", "|"]).optional(),
    })
    .optional(),
});

export type ImportJobData = z.input<typeof eventData>;

/** Imports one file in the background; the file must be readable by the process that runs the job. */
export const importFileJob = defineJob({
  id: "import-file",
  name: "Import de fichier",
  event: "import/requested",
  handler: async ({ event, step }) => {
    const data = eventData.parse(event.data);
    return step.run("import", async () => {
      const { mapping, deleteFileAfter, ...rest } = data;
      const outcome = await runImport(await getDb(), {
        ...rest,
        mapping: mapping as Record<number, string> | undefined,
        importDate: data.importDate ?? today(),
      });
      if (deleteFileAfter && outcome.status === "succeeded") await removeUpload(data.filePath);
      const reconciliation = outcome.reconciliation && { ...outcome.reconciliation, rows: outcome.reconciliation.rows.slice(0, 20) };
      return { ...outcome, errors: outcome.errors.slice(0, 100), errorCount: outcome.errors.length, reconciliation };
    });
  },
});
