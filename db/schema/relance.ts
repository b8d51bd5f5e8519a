import { index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { actionMode, actionType, channel } from "./enums";

export type GroupCriterion = { field: string; operator: string; value: string | number | string[] | null };

export const scenarios = pgTable("scenarios", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  description: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Files joined to an e-mail: the list of the documents concerned, and the client's statement of account. */
export type TemplateAttachments = { documentList?: "pdf" | "xlsx"; statement?: "pdf" };

export const templates = pgTable("templates", {
  id: uuid().primaryKey().defaultRandom(),
  channel: channel().notNull(),
  name: text().notNull().unique(),
  language: text().notNull().default("fr"),
  subject: text(),
  body: text().notNull(),
  attachments: jsonb().$type<TemplateAttachments>().notNull().default({}),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const scenarioSteps = pgTable(
  "scenario_steps",
  {
    id: uuid().primaryKey().defaultRandom(),
    scenarioId: uuid()
      .notNull()
      .references(() => scenarios.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    label: text().notNull(),
    offsetDays: integer().notNull(),
    actionType: actionType().notNull(),
    templateId: uuid().references(() => templates.id, { onDelete: "restrict" }),
    mode: actionMode().notNull(),
    minAmount: numeric({ precision: 16, scale: 2 }).notNull().default("0"),
    recipientRole: text().notNull().default("facturation"),
  },
  (t) => [unique().on(t.scenarioId, t.position), index().on(t.templateId)],
);

export const groups = pgTable(
  "groups",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull().unique(),
    priority: integer().notNull(),
    criteria: jsonb().$type<GroupCriterion[]>().notNull().default([]),
    scenarioId: uuid().references(() => scenarios.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.priority), index().on(t.scenarioId)],
);

export type Scenario = typeof scenarios.$inferSelect;
export type ScenarioStep = typeof scenarioSteps.$inferSelect;
export type Template = typeof templates.$inferSelect;
export type Group = typeof groups.$inferSelect;
