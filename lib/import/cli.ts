/**
 * `npm run import -- --kind clients|documents|fec --file PATH [--profile NAME] [--mode snapshot|incremental]
 * [--accept-errors] [--date yyyy-mm-dd] [--terms 30]`: the unattended import an ERP drop runs every night. Prints the counts;
 * exits with 1 and the French errors when the file is rejected.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importFileJob } from "@/inngest/functions/import-file";
import { runJobFromShell } from "@/inngest/shell";
import type { ImportOutcome } from "./run-import";

async function main() {
  const { values } = parseArgs({
    options: {
      kind: { type: "string" },
      file: { type: "string" },
      mode: { type: "string", default: "incremental" },
      "accept-errors": { type: "boolean", default: false },
      date: { type: "string" },
      terms: { type: "string" },
      profile: { type: "string" },
    },
  });
  if (!values.kind || !["clients", "documents", "fec"].includes(values.kind)) throw new Error("--kind attend clients, documents ou fec.");
  if (!values.file || !fs.existsSync(values.file)) throw new Error(`Fichier introuvable : ${values.file ?? "(aucun)"}`);
  if (!["snapshot", "incremental"].includes(values.mode)) throw new Error("--mode attend snapshot ou incremental.");
  const filePath = path.resolve(values.file);
  const outcome = (await runJobFromShell(importFileJob, {
    kind: values.kind,
    filePath,
    fileName: path.basename(filePath),
    mode: values.mode,
    importDate: values.date,
    acceptRowErrors: values["accept-errors"],
    fecDefaultTermsDays: values.terms ? Number(values.terms) : undefined,
    profile: values.profile,
  })) as ImportOutcome;
  const { counts } = outcome;
  console.log(outcome.message);
  console.log(`Lues ${counts.read} · créées ${counts.inserted} · mises à jour ${counts.updated} · soldées ${counts.settled} · rejetées ${counts.rejected}`);
  for (const error of outcome.errors.slice(0, 50)) {
    console.error(`  ligne ${error.row}, ${error.column} « ${error.value} » : ${error.reason}`);
  }
  if (outcome.errors.length > 50) console.error(`  … et ${outcome.errors.length - 50} autres erreurs.`);
  if (outcome.status === "failed") process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
