/**
 * `npm run score:backtest -- --from YYYY-MM-DD [--to YYYY-MM-DD] [--grace N] [--date YYYY-MM-DD]`: month by month
 * from --from to --to (today by default), trains the late-payment model on what was known at each month's start,
 * predicts that month's invoices and prints AUC, Brier, calibration and payment-date error beside the per-client
 * baseline, then the 13-week cash-in forecast's weekly error. The report is kept for Paramétrage → Scoring.
 */
import { parseArgs } from "node:util";
import { scoreBacktestJob } from "@/inngest/functions/score-backtest";
import { runJobFromShell } from "@/inngest/shell";
import { CliError, runCli } from "@/lib/cli/run-cli";
import { isoDatePattern } from "@/lib/dates";
import type { BacktestReport } from "./backtest";
import { backtestText } from "./backtest-text";

const validDate = (value: string) => isoDatePattern.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

async function main() {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, grace: { type: "string" }, date: { type: "string" } } });
  if (!values.from || !validDate(values.from)) throw new CliError("Indiquez le premier mois avec --from AAAA-MM-JJ.", 2);
  if (values.to !== undefined && !validDate(values.to)) throw new CliError("--to attend une date au format AAAA-MM-JJ.", 2);
  if (values.date !== undefined && !validDate(values.date)) throw new CliError("--date attend une date au format AAAA-MM-JJ.", 2);
  if (values.to !== undefined && values.to < values.from) throw new CliError("--to doit suivre --from.", 2);
  const grace = values.grace === undefined ? undefined : Number(values.grace);
  if (grace !== undefined && !(Number.isInteger(grace) && grace >= 0 && grace <= 60)) {
    throw new CliError("--grace attend un nombre de jours entre 0 et 60.", 2);
  }
  const { report } = await runJobFromShell(scoreBacktestJob, { from: values.from, to: values.to, graceDays: grace, date: values.date });
  console.log(backtestText(report as BacktestReport));
}

runCli(main);
