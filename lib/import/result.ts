/** Outcome of parsing one value: the value, or a French reason shown to the admin. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const EMPTY: ParseResult<null> = Object.freeze({ ok: true, value: null }) as ParseResult<null>;

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

export const MISSING_VALUE = "Valeur obligatoire manquante.";

/** Turns an empty (null) value into a failure, for required fields. */
export function requireValue<T>(result: ParseResult<T | null>): ParseResult<T> {
  if (result.ok && result.value === null) return fail(MISSING_VALUE);
  return result as ParseResult<T>;
}

/** A file that cannot be imported at all; `message` is French and meant for the admin. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}
