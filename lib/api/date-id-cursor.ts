import { isoDatePattern } from "@/lib/dates";
import { decodeCursor } from "./pagination";
import { ApiProblem } from "./problem";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The position [date, uuid] of a list ordered by a date then its id; a cursor of another shape would reach SQL as a wrong type. */
export function decodeDateIdCursor(cursor: string | undefined): [string, string] | null {
  const after = decodeCursor(cursor, 2);
  if (!after) return null;
  const [date, id] = after;
  if (typeof date === "string" && isoDatePattern.test(date) && typeof id === "string" && uuidPattern.test(id)) return [date, id];
  throw new ApiProblem("invalid_request", "Le curseur de pagination est invalide : reprenez depuis la première page.", { errors: { cursor: ["Curseur invalide."] } });
}
