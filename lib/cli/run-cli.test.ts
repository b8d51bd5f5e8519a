import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-run-cli-"));
const runner = path.resolve(import.meta.dirname, "run-cli.ts");

/** Runs a script whose main is `body`, through runCli, in its own process. */
function run(name: string, body: string) {
  const file = path.join(dir, `${name}.ts`);
  fs.writeFileSync(file, `import { runCli } from ${JSON.stringify(runner)};\nrunCli(async () => {\n${body}\n});\n`);
  const result = spawnSync("npx", ["tsx", file], { encoding: "utf8", env: { ...process.env, DATA_DIR: dir }, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("runCli", () => {
  it("exits 0 after a run that finished, and with the code main returns", () => {
    expect(run("done", `console.log("fini");`)).toMatchObject({ code: 0, stdout: "fini\n", stderr: "" });
    expect(run("three", "return 3;")).toMatchObject({ code: 3 });
  });

  it("exits 1 when the event loop empties while main still waits, and says so", () => {
    const result = run("stalled", "await new Promise(() => {});");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Le traitement s'est arrêté avant la fin");
  });

  it("prints a French sentence for a failed query, the query and stack only in the debug log", () => {
    const result = run("failed-query", `
      const cause = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL" });
      throw new Error("Failed query: update documents set open_amount = $1\\nparams: 42", { cause });`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("La base de données ne répond pas");
    const log = path.join(dir, "logs", "cli-debug.log");
    expect(result.stderr).toContain(log);
    expect(result.stderr + result.stdout).not.toMatch(/Failed query|update documents|terminating connection|\n\s+at /);
    expect(fs.readFileSync(log, "utf8")).toContain("Failed query: update documents");
  });

  it("treats an unhandled rejection outside main as a failure", () => {
    const result = run("rejection", `
      void Promise.reject(new TypeError("x is not a function"));
      await new Promise((resolve) => setTimeout(resolve, 1000));`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Erreur inattendue : le traitement n'est pas allé au bout.");
    expect(result.stderr).not.toContain("x is not a function");
  });
});
