/**
 * What a command-line run tells about the error that stopped it: a French sentence for the terminal, never a
 * driver's message or a stack; whether the full error is worth keeping for whoever investigates.
 */
import { chain, codeOf, isConnectionError, messageOf } from "@/lib/error-cause";

/** An error whose message is already the French sentence to print, and the exit code to leave with. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = "CliError";
  }
}

type Described = { message: string; exitCode: number; keepDetails: boolean };

const pathOf = (error: unknown) => (error as { path?: unknown }).path;

/** A database or driver error: its message is English and may hold SQL and data, never for the terminal. */
function isDatabaseError(error: unknown): boolean {
  for (const e of chain(error)) {
    if (messageOf(e).startsWith("Failed query")) return true;
    const { severity, name } = e as { severity?: unknown; name?: unknown };
    if (typeof severity === "string" || name === "PostgresError" || name === "DrizzleQueryError") return true;
  }
  return false;
}

export function describeError(error: unknown): Described {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode, keepDetails: false };
  if (isConnectionError(error)) {
    return {
      message:
        "La base de données ne répond pas (connexion refusée ou coupée) : le traitement n'est pas allé au bout. " +
        "Vérifiez que PostgreSQL est démarré et joignable (DATABASE_URL), puis relancez.",
      exitCode: 1,
      keepDetails: true,
    };
  }
  if (isDatabaseError(error)) {
    const code = [...chain(error)].map(codeOf).find((c) => c !== null);
    return {
      message: `La base de données a refusé une opération${code ? ` (code ${code})` : ""} : le traitement n'est pas allé au bout.`,
      exitCode: 1,
      keepDetails: true,
    };
  }
  const code = codeOf(error);
  if (code?.startsWith("ERR_PARSE_ARGS_")) return { message: argumentsMessage(code, messageOf(error)), exitCode: 2, keepDetails: false };
  const where = typeof pathOf(error) === "string" ? ` : ${pathOf(error) as string}` : "";
  if (code === "ENOENT") return { message: `Fichier ou dossier introuvable${where}.`, exitCode: 1, keepDetails: true };
  if (code === "EISDIR") return { message: `Un dossier a été donné là où un fichier est attendu${where}.`, exitCode: 1, keepDetails: true };
  if (code === "EACCES" || code === "EPERM") return { message: `Accès refusé${where}.`, exitCode: 1, keepDetails: true };
  if (code === "ENOSPC") return { message: "Disque plein : le traitement n'est pas allé au bout.", exitCode: 1, keepDetails: true };
  // The code's own errors carry a French sentence; anything else is a fault to investigate.
  if (error instanceof Error && error.constructor === Error && code === null && error.message.trim() !== "") {
    return { message: error.message.split("\n")[0], exitCode: 1, keepDetails: false };
  }
  return { message: "Erreur inattendue : le traitement n'est pas allé au bout.", exitCode: 1, keepDetails: true };
}

/** node:util parseArgs's errors, in French: the option or argument they name, nothing else of their English. */
function argumentsMessage(code: string, message: string): string {
  const named = /'([^']+)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `Option inconnue${named ? ` : ${named}` : ""}.`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `Argument inattendu${named ? ` : ${named}` : ""}.`;
  return `Valeur manquante ou invalide pour une option${named ? ` (${named.split(" ")[0]})` : ""}.`;
}
