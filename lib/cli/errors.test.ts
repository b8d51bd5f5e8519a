import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { isConnectionError } from "@/lib/error-cause";
import { CliError, describeError } from "./errors";
import { failureText } from "./run-cli";

/** What drizzle throws: « Failed query » with the SQL, the driver's error as its cause. */
function failedQuery(cause: Error): Error {
  return new Error("Failed query: insert into users (email) values ($1)\nparams: secret@example.com", { cause });
}
const withCode = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { code, ...extra });

const NO_DATABASE = /^La base de données ne répond pas/;

describe("describeError", () => {
  it("tells an unreachable or cut database in French, whatever the driver says", () => {
    const cases = [
      failedQuery(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")),
      failedQuery(withCode("read ECONNRESET", "ECONNRESET")),
      withCode("write CONNECTION_ENDED 127.0.0.1:5432", "CONNECTION_ENDED"),
      failedQuery(Object.assign(new Error("terminating connection due to administrator command"), { name: "PostgresError", severity: "FATAL", code: "57P01" })),
      new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], ""),
      new Error("Connection terminated unexpectedly"),
    ];
    for (const error of cases) {
      expect(isConnectionError(error)).toBe(true);
      expect(describeError(error)).toMatchObject({ message: expect.stringMatching(NO_DATABASE), exitCode: 1, keepDetails: true });
    }
  });

  it("never shows a query, its parameters or a driver's message", () => {
    const duplicate = failedQuery(Object.assign(new Error("duplicate key value violates unique constraint"), { name: "PostgresError", severity: "ERROR", code: "23505" }));
    const described = describeError(duplicate);
    expect(described).toEqual({
      message: "La base de données a refusé une opération (code 23505) : le traitement n'est pas allé au bout.",
      exitCode: 1,
      keepDetails: true,
    });
    expect(isConnectionError(duplicate)).toBe(false);
  });

  it("keeps the French sentences the code throws, and hides faults behind a generic one", () => {
    expect(describeError(new CliError("--kind attend clients.", 2))).toEqual({ message: "--kind attend clients.", exitCode: 2, keepDetails: false });
    expect(describeError(new Error("La base contient déjà des données."))).toMatchObject({ message: "La base contient déjà des données.", keepDetails: false });
    expect(describeError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toEqual({
      message: "Erreur inattendue : le traitement n'est pas allé au bout.", exitCode: 1, keepDetails: true,
    });
    expect(describeError("boom").message).toBe("Erreur inattendue : le traitement n'est pas allé au bout.");
  });

  it("translates file-system and argument errors", () => {
    expect(describeError(withCode("EISDIR: illegal operation on a directory, read", "EISDIR", { path: "/tmp" })).message).toBe(
      "Un dossier a été donné là où un fichier est attendu : /tmp.",
    );
    expect(describeError(withCode("ENOENT: no such file", "ENOENT", { path: "/x.csv" })).message).toBe("Fichier ou dossier introuvable : /x.csv.");
    const parse = (args: string[]) => {
      try {
        parseArgs({ args, options: { kind: { type: "string" } } });
      } catch (error) {
        return describeError(error);
      }
    };
    expect(parse(["--foo"])).toEqual({ message: "Option inconnue : --foo.", exitCode: 2, keepDetails: false });
    expect(parse(["--kind"])).toMatchObject({ message: "Valeur manquante ou invalide pour une option (--kind).", exitCode: 2 });
    expect(parse(["extra"])).toMatchObject({ message: "Argument inattendu : extra.", exitCode: 2 });
  });
});

describe("failureText", () => {
  it("writes the full error to the debug log and names the log, without the error's text", () => {
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-cli-")), "logs", "cli-debug.log");
    const error = failedQuery(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"));
    const { text, exitCode } = failureText(error, logFile);
    expect(exitCode).toBe(1);
    expect(text).toMatch(NO_DATABASE);
    expect(text).toContain(`Détails techniques : ${logFile}`);
    expect(text).not.toMatch(/Failed query|secret@example\.com|ECONNREFUSED|\bat /);
    const logged = fs.readFileSync(logFile, "utf8");
    expect(logged).toContain("Failed query: insert into users");
    expect(logged).toContain("ECONNREFUSED");
  });

  it("keeps a French sentence out of the log", () => {
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-cli-")), "cli-debug.log");
    expect(failureText(new CliError("Fichier introuvable : x.csv"), logFile)).toEqual({ text: "Fichier introuvable : x.csv", exitCode: 1 });
    expect(fs.existsSync(logFile)).toBe(false);
  });
});
