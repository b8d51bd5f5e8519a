/**
 * The one way a command-line entry point runs: French messages on the terminal, the full error in a debug log under
 * DATA_DIR, and an exit code of 0 only for a run that went to its end. A run stopped by an error, an unreachable
 * database or an operation that never completed exits non-zero.
 */
import fs from "node:fs";
import path from "node:path";
import { inspect } from "node:util";
import { describeError } from "./errors";

export { CliError } from "./errors";

const LOG_MAX_BYTES = 5 * 1024 * 1024;

/** Where the full errors go; read from the environment directly so a broken configuration is logged too. */
export function cliDebugLogPath(): string {
  return path.resolve(process.env.DATA_DIR || "data", "logs", "cli-debug.log");
}

/** Appends the error with its causes and stacks; returns false when the log cannot be written. */
function writeDebugLog(file: string, error: unknown): boolean {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file) && fs.statSync(file).size > LOG_MAX_BYTES) fs.renameSync(file, `${file}.1`);
    const entry = `[${new Date().toISOString()}] pid ${process.pid} ${process.argv.slice(1).join(" ")}\n` +
      `${inspect(error, { depth: 6, breakLength: 120 })}\n\n`;
    fs.appendFileSync(file, entry);
    return true;
  } catch {
    return false;
  }
}

/** The lines the terminal shows for `error`; the full error is written to the debug log when worth keeping. */
export function failureText(error: unknown, logFile = cliDebugLogPath()): { text: string; exitCode: number } {
  const described = describeError(error);
  if (!described.keepDetails) return { text: described.message, exitCode: described.exitCode };
  const logged = writeDebugLog(logFile, error);
  const where = logged ? `Détails techniques : ${logFile}` : `Détails techniques non enregistrés (${logFile} inaccessible).`;
  return { text: `${described.message}\n${where}`, exitCode: described.exitCode };
}

/**
 * Runs `main` as the process's work. Its result is the exit code (0 when it returns nothing); an error is told in
 * French and exits non-zero. A process whose event loop empties while `main` still waits did not finish: it says so
 * and exits 1 rather than 0.
 */
export function runCli(main: () => Promise<number | void>): void {
  let settled = false;
  process.exitCode = 1;
  const fail = (error: unknown) => {
    if (settled) return;
    settled = true;
    const { text, exitCode } = failureText(error);
    process.stderr.write(`\n${text}\n`);
    process.exit(exitCode);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  process.on("exit", () => {
    if (settled) return;
    process.stderr.write("\nLe traitement s'est arrêté avant la fin : une opération attendue n'a jamais abouti.\n");
    process.exitCode = 1;
  });
  main().then(
    (code) => {
      settled = true;
      process.exitCode = code ?? 0;
    },
    fail,
  );
}
