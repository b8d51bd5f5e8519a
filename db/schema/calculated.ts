import { boolean, index, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { users } from "./organisation";

export const calculatedColumnTypes = ["amount", "number", "percent", "days", "text", "boolean"] as const;
export type CalculatedColumnType = (typeof calculatedColumnTypes)[number];

/**
 * A column the credit team defines by a formula (Paramétrage → Colonnes calculées). Formulas over the client row
 * alone are computed on the fly; those reading pièces or daily snapshots are materialised in `calculated_values`.
 */
export const calculatedColumns = pgTable("calculated_columns", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  type: text().$type<CalculatedColumnType>().notNull(),
  formula: text().notNull(),
  description: text().notNull().default(""),
  /** Set by the last materialisation of this column; null for a column computed on the fly or not yet run. */
  materialisedAt: timestamp({ withTimezone: true }),
  createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The value of a materialised calculated column for one client: one of the three value columns, by type. */
export const calculatedValues = pgTable(
  "calculated_values",
  {
    columnId: uuid()
      .notNull()
      .references(() => calculatedColumns.id, { onDelete: "cascade" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    number: numeric(),
    text: text(),
    flag: boolean(),
  },
  (t) => [primaryKey({ columns: [t.columnId, t.clientId] }), index().on(t.columnId, t.number), index().on(t.clientId)],
);
