/**
 * The fixed SQL fragment of every field a formula can name: client fields on the current `"clients"` row, pièce
 * fields on the documents alias `d`, snapshot figures on the daily_snapshots alias `s`. An unknown key throws, so
 * a name can never reach the SQL as text.
 */
import { type SQL, sql } from "drizzle-orm";
import { type ClientFieldKey, type DocumentFieldKey, documentTypeNames, type SnapshotFieldKey } from "@/lib/formulas/catalog";
import { clientColumn, clientScoreGrade, clientScorePLate, hasOpenDispute } from "./clients";


function unknownField(key: string): never {
  throw new Error(`Champ inconnu : ${JSON.stringify(key)}`);
}

export function clientFieldSql(key: ClientFieldKey, d: SQL): SQL {
  switch (key) {
    case "outstanding": return clientColumn("outstanding");
    case "overdue": return clientColumn("overdue");
    case "notDue": return sql`(${clientColumn("outstanding")} - ${clientColumn("overdue")})`;
    case "creditLimit": return clientColumn("credit_limit");
    case "paymentTermsDays": return sql`${clientColumn("payment_terms_days")}::numeric`;
    case "code": return clientColumn("code");
    case "name": return clientColumn("name");
    case "siren": return clientColumn("siren");
    case "city": return clientColumn("city");
    case "department": return clientColumn("department");
    case "region": return clientColumn("region");
    case "country": return clientColumn("country");
    case "scoreGrade": return clientScoreGrade;
    case "scorePLate": return sql`(${clientScorePLate})::numeric`;
    case "hasOpenDispute": return hasOpenDispute;
    case "paused": return sql`coalesce(${clientColumn("paused_until")} >= ${d}, false)`;
    default: return unknownField(key);
  }
}

// The catalogue's French names, quoted by hand: constants of the code, not user text.
const typeName = sql.raw(
  `(case d.type ${Object.entries(documentTypeNames).map(([k, v]) => `when '${k}' then '${v}'`).join(" ")} end)`,
);

export function documentFieldSql(key: DocumentFieldKey, d: SQL): SQL {
  switch (key) {
    case "amount": return sql`d.amount`;
    case "openAmount": return sql`(case when d.status = 'open' then d.open_amount else 0 end)`;
    case "daysLate": return sql`(case when d.status = 'open' then ${d} - d.due_date end)`;
    case "age": return sql`(${d} - d.issue_date)`;
    case "daysToPay": return sql`(case when d.status = 'settled' then d.settled_date - d.issue_date end)`;
    case "paidLate": return sql`(case when d.status = 'settled' then d.settled_date - d.due_date end)`;
    case "type": return typeName;
    case "currency": return sql`d.currency::text`;
    case "overdue": return sql`(d.status = 'open' and d.open_amount > 0 and d.due_date < ${d})`;
    case "open": return sql`(d.status = 'open')`;
    case "settled": return sql`(d.status = 'settled')`;
    case "disputed": return sql`(d.status = 'open' and d.disputed)`;
    default: return unknownField(key);
  }
}

export function snapshotFieldSql(key: SnapshotFieldKey): SQL {
  switch (key) {
    case "outstanding": return sql`s.outstanding`;
    case "overdue": return sql`s.overdue`;
    case "notDue": return sql`s.not_due`;
    default: return unknownField(key);
  }
}
