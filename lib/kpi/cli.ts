/**
 * `npm run kpi -- --date AAAA-MM-JJ [--societe CODE]`: the home's indicators at that day, for the whole book or one
 * société, in French on the terminal, for scripts and checks. A past day never recorded is rebuilt from the pièces.
 */
import { parseArgs } from "node:util";
import { kpiReportJob } from "@/inngest/functions/kpi-report";
import { runJobFromShell } from "@/inngest/shell";
import { CliError, runCli } from "@/lib/cli/run-cli";
import { isCalendarDate } from "@/lib/dates";
import type { KpiReport } from "./report";
import { kpiReportText } from "./report-text";

async function main() {
  const { values } = parseArgs({ options: { date: { type: "string" }, societe: { type: "string" } } });
  if (!isCalendarDate(values.date)) throw new CliError("Indiquez la date avec --date AAAA-MM-JJ.", 2);
  const report = (await runJobFromShell(kpiReportJob, { date: values.date, entityCode: values.societe })) as KpiReport;
  console.log(kpiReportText(report));
}

runCli(main);
