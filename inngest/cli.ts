/** `npm run job -- <job-id> [--date yyyy-mm-dd]`: runs a scheduled job once (see inngest/shell.ts). */
import { parseArgs } from "node:util";
import { runsWithoutInput } from "./define-job";
import { findJob, jobs } from "./functions";
import { runJobFromShell } from "./shell";

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { date: { type: "string" } } });
  const job = findJob(positionals[0] ?? "");
  if (!job || !runsWithoutInput(job)) {
    console.error(`Traitement inconnu. Disponibles : ${jobs.filter(runsWithoutInput).map((j) => j.id).join(", ")}`);
    process.exit(2);
  }
  console.log(JSON.stringify(await runJobFromShell(job, values.date ? { date: values.date } : {}), null, 2));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
