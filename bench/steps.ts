import { spawn } from "node:child_process";
import os from "node:os";
import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { calculatedColumns } from "@/db/schema";
import type { CalculatedColumnType } from "@/db/schema/calculated";

/** Runs a command in the foreground, its output shown; rejects when it fails. */
export function run(command: string, argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(" ")} a échoué (${code})`))));
  });
}

/** The result of `work` and the seconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, (performance.now() - start) / 1000];
}

/** The machine's load average over 1, 5 and 15 minutes, printed beside every figure. */
export const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");

/** The `p`th percentile (0–100) of times sorted ascending. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Creates the benchmark's calculated columns (replacing any left by an interrupted run), gives their ids to `work`,
 * and removes them afterwards whatever happens.
 */
export async function withBenchColumns<T>(
  db: Queryable,
  columns: { name: string; type: CalculatedColumnType; formula: string }[],
  work: (ids: string[]) => Promise<T>,
): Promise<T> {
  const names = columns.map((c) => c.name);
  try {
    await db.delete(calculatedColumns).where(inArray(calculatedColumns.name, names));
    const ids = (await db.insert(calculatedColumns).values(columns).returning({ id: calculatedColumns.id })).map((r) => r.id);
    return await work(ids);
  } finally {
    await db.delete(calculatedColumns).where(inArray(calculatedColumns.name, names));
  }
}
