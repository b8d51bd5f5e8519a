/**
 * `npm run import -- --kind clients|documents|fec|payments --file PATH [--profile NAME] [--mode snapshot|incremental]
 * [--accept-errors] [--strict] [--confirm-settle] [--swap-excel-dates] [--create-clients] [--date yyyy-mm-dd]
 * [--terms 30]`: the unattended import an ERP drop runs every night. Prints the counts, the warnings and, for a FEC, the balances
 * reconciliation; exits with 1 and the French errors when the file is rejected (with --strict, also when it raises
 * a warning; a snapshot that would settle much of the book needs --confirm-settle), and whenever the import did not
 * go to its end (database unreachable or cut, see lib/cli/run-cli.ts). --create-clients creates the clients a
 * documents file names but the book does not hold, instead of rejecting their rows.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importFileJob } from "@/inngest/functions/import-file";
import { runJobFromShell } from "@/inngest/shell";
import { CliError, runCli } from "@/lib/cli/run-cli";
import { isoDatePattern } from "@/lib/dates";
import { formatMoney } from "@/lib/format/fr";
import type { ImportOutcome } from "./run-import";
import { warningRowsText } from "./warnings";

/** The file to import, resolved; a missing path or a folder is refused in French before anything runs. */
function fileToImport(file: string | undefined): string {
  if (!file) throw new CliError("Indiquez le fichier à importer avec --file CHEMIN.");
  const filePath = path.resolve(file);
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (!stat) throw new CliError(`Fichier introuvable : ${file}`);
  if (stat.isDirectory()) throw new CliError(`${file} est un dossier, pas un fichier : indiquez le fichier à importer avec --file.`);
  return filePath;
}

async function main(): Promise<number> {
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
    throw new CliError("--kind attend clients, documents, fec ou payments (règlements).");
  }
  if (values.mode && !["snapshot", "incremental"].includes(values.mode)) throw new CliError("--mode attend snapshot ou incremental.");
  if (values.date && !isoDatePattern.test(values.date)) throw new CliError("--date attend une date au format AAAA-MM-JJ.");
  const terms = values.terms === undefined ? undefined : Number(values.terms);
  if (terms !== undefined && !(Number.isInteger(terms) && terms >= 0 && terms <= 365)) {
    throw new CliError("--terms attend un nombre de jours entre 0 et 365.");
  }
  const filePath = fileToImport(values.file);
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
    fecDefaultTermsDays: terms,
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
  return outcome.status === "failed" ? 1 : 0;
}

runCli(main);
