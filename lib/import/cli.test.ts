import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Each run opens its own embedded database in a scratch DATA_DIR, as `npm run import` does.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-import-cli-"));
const root = path.resolve(import.meta.dirname, "../..");

function run(script: string, args: string[]) {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" };
  const result = spawnSync("npx", ["tsx", script, ...args], { cwd: root, encoding: "utf8", env, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run import", () => {
  it("refuses a folder given as --file, in French, with a non-zero exit", () => {
    const result = run("lib/import/cli.ts", ["--kind", "documents", "--file", dataDir]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${dataDir} est un dossier, pas un fichier`);
    expect(result.stderr).not.toMatch(/EISDIR|\n\s+at /);
  });

  it("exits non-zero when the import ends failed, after printing why", () => {
    const user = run("db/seed/create-user.ts", ["--email", "admin@example.fr", "--name", "Admin", "--password", "motdepasse-solide"]);
    expect(user).toMatchObject({ code: 0, stdout: expect.stringContaining("Compte créé") });
    const file = path.join(dataDir, "pieces.csv");
    fs.writeFileSync(file, "Code client;N° facture;Type;Date facture;Montant TTC\nC1;F1;Facture;01/11/2026;-10,00\n");
    const result = run("lib/import/cli.ts", ["--kind", "documents", "--file", file, "--create-clients"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("1 ligne en erreur : fichier refusé, aucune donnée modifiée.");
    expect(result.stderr).toContain("ligne 2, Montant TTC « -10,00 » : Facture de montant négatif");
  });
});
