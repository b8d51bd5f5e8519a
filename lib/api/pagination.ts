import { z } from "zod";
import { ApiProblem } from "./problem";

/**
 * Cursor pagination: a cursor is the opaque position after the last row of a page (the sort values and the id,
 * as base64url JSON). Reading on from it never skips or repeats a row when rows are added in between.
 */
export const limitParam = z.coerce
  .number({ error: "Un nombre entier est attendu." })
  .int("Un nombre entier est attendu.")
  .min(1, "Au moins 1.")
  .max(500, "Au plus 500.")
  .default(50)
  .meta({ description: "Nombre d'éléments par page (1 à 500).", example: 100 });

export const cursorParam = z.string().max(500).optional().meta({ description: "Curseur `next_cursor` de la page précédente." });

export type CursorValues = (string | number | null)[];

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The cursor's values; a cursor that was not made here, or for another sort, is a 422 with a French message. */
export function decodeCursor(cursor: string | undefined, length: number): CursorValues | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(values) && values.length === length && values.every((v) => v === null || ["string", "number"].includes(typeof v))) {
      return values as CursorValues;
    }
  } catch {
    // Falls through to the problem below.
  }
  throw new ApiProblem("invalid_request", "Le curseur de pagination est invalide : reprenez depuis la première page.", { errors: { cursor: ["Curseur invalide."] } });
}

/** A page read with one row more than asked: the extra row only says that another page follows. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => CursorValues) {
  const data = rows.slice(0, limit);
  const next = rows.length > limit ? encodeCursor(cursorOf(data[data.length - 1])) : null;
  return { data, next_cursor: next };
}
