/**
 * Whether the sales the DSO counts back over are complete: a book that holds only open items misses every paid
 * invoice, so the months its DSO counts back over are known only in part.
 */
import { sql } from "drizzle-orm";
import { monthStart } from "@/lib/dates";
import { DSO_MAX_MONTHS } from "@/lib/kpi/dso";
import { queryRows, type Queryable } from "../client";
import { countsInIndicators } from "./currencies";

/** True when some settled invoice in the company's currency was issued in the DSO's months ending on `date`. */
export async function hasSettledInvoicesInDsoWindow(db: Queryable, date: string): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (
      select 1 from documents d
      where d.type = 'invoice' and d.status = 'settled' and ${countsInIndicators("d")}
        and d.issue_date >= ${monthStart(date, DSO_MAX_MONTHS - 1)}::date and d.issue_date <= ${date}::date
    ) as found`,
  );
  return row.found;
}
