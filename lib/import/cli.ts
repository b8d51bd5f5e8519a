/**
 * `npm run import -- --kind clients|documents|fec|payments --file PATH [--profile NAME] [--mode snapshot|incremental]
 * [--accept-errors] [--strict] [--confirm-settle] [--swap-excel-dates] [--create-clients] [--date yyyy-mm-dd]
 * [--terms 30]`: the unattended import an ERP drop runs every night. Prints the counts, the warnings and, for a FEC, the balances
 * reconciliation; exits with 1 and the French errors when the file is rejected (with --strict, also when it raises
 * a warning; a snapshot that would settle much of the book needs --confirm-settle). --create-clients creates the
 * clients a documents file names but the book does not hold, instead of rejecting their rows.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importFileJob } from "@/inngest/functions/import-file";
import { runJobFromShell } from "@/inngest/shell";
import { formatMoney } from "@/lib/format/fr";
import type { ImportOutcome } from "./run-import";
import { warningRowsText } from "./warnings";

async function main() {
  const { values } = parseArgs({
    options: {
      kind: { type: "string" },
      file: { type: "string" },
      mode: { type: "string" },
      "accept-errors": { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      "confirm-settle": { type: "boolean", default: false },
      "swap-excel-dates": { type: "boolean" },
      "create-clients": { type: "boolean" },
      date: { type: "string" },
      terms: { type: "string" },
      profile: { type: "string" },
    },
  });
  if (!values.kind || !["clients", "documents", "fec", "payments"].includes(values.kind)) {
    throw new Error("--kind attend clients, documents, fec ou payments (règlements).");
  }
  if (!values.file || !fs.existsSync(values.file)) throw new Error(`Fichier introuvable : ${values.file ?? "(aucun)"}`);
  if (values.mode && !["snapshot", "incremental"].includes(values.mode)) throw new Error("--mode attend snapshot ou incremental.");
  const filePath = path.resolve(values.file);
  const outcome = (await runJobFromShell(importFileJob, {
    kind: values.kind,
    filePath,
    fileName: path.basename(filePath),
    mode: values.mode,
    importDate: values.date,
    acceptRowErrors: values["accept-errors"],
    strict: values.strict,
    confirmSettle: values["confirm-settle"],
    swapExcelDates: values["swap-excel-dates"],
    createClients: values["create-clients"],
    fecDefaultTermsDays: values.terms ? Number(values.terms) : undefined,
    profile: values.profile,
  })) as ImportOutcome & { errorCount: number };
  const { counts } = outcome;
  console.log(outcome.message);
  console.log(`Lues ${counts.read} · créées ${counts.inserted} · mises à jour ${counts.updated} · soldées ${counts.settled} · rejetées ${counts.rejected}`);
  for (const error of outcome.errors.slice(0, 50)) {
    console.error(`  ligne ${error.row}, ${error.column} « ${error.value} » : ${error.reason}`);
  }
  if (outcome.errorCount > 50) console.error(`  … et ${outcome.errorCount - 50} autres erreurs.`);
  if (outcome.errorFile) console.error(`${outcome.errorCount} erreur(s) au total, liste complète : ${outcome.errorFile}`);
  for (const warning of outcome.warnings) {
    const rows = warningRowsText(warning);
    console.warn(`Avertissement : ${warning.message}${rows ? ` (${rows})` : ""}`);
  }
  const reconciliation = outcome.reconciliation;
  if (reconciliation) {
    console.log(
      `Rapprochement : ${reconciliation.clients} compte(s) client, solde du fichier ${formatMoney(reconciliation.fileBalance)}, ` +
        `ouvert dans Encaisse ${formatMoney(reconciliation.openInApp)}, ${reconciliation.clientsWithDifference} écart(s).`,
    );
    for (const row of reconciliation.rows.filter((r) => /[1-9]/.test(r.difference))) {
      console.error(`  ${row.clientCode} ${row.clientName} : fichier ${formatMoney(row.fileBalance)}, Encaisse ${formatMoney(row.openInApp)}, écart ${formatMoney(row.difference)}`);
    }
  }
  if (outcome.status === "failed") process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
