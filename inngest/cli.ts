/**
 * `npm run job -- <job-id> [--date yyyy-mm-dd]`: runs a scheduled job once (see inngest/shell.ts); exits non-zero,
 * with a French message, when the job did not go to its end.
 */
import { parseArgs } from "node:util";
import { CliError, runCli } from "@/lib/cli/run-cli";
import { runsWithoutInput } from "./define-job";
import { findJob, jobs } from "./functions";
import { runJobFromShell } from "./shell";

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { date: { type: "string" } } });
  const job = findJob(positionals[0] ?? "");
  if (!job || !runsWithoutInput(job)) {
    throw new CliError(`Traitement inconnu. Disponibles : ${jobs.filter(runsWithoutInput).map((j) => j.id).join(", ")}`, 2);
  }
  console.log(JSON.stringify(await runJobFromShell(job, values.date ? { date: values.date } : {}), null, 2));
}

runCli(main);
