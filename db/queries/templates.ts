/** Reading and writing relance templates (Modèles), with the scenarios whose steps use them. */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { isUuid } from "@/lib/ids";
import type { Queryable } from "../client";
import { scenarioSteps, scenarios, templates } from "../schema";
import type { Template } from "../schema/relance";

export type TemplateInput = {
  name: string;
  subject: string | null;
  body: string;
  attachments: Template["attachments"];
};

/** Every template by channel then name, with how many scenario steps use it and those scenarios' names. */
export async function listTemplates(db: Queryable) {
  return db
    .select({
      id: templates.id,
      channel: templates.channel,
      name: templates.name,
      subject: templates.subject,
      updatedAt: templates.updatedAt,
      steps: sql<number>`count(${scenarioSteps.id})::int`,
      scenarioNames: sql<string[]>`coalesce(array_agg(distinct ${scenarios.name} order by ${scenarios.name}) filter (where ${scenarios.name} is not null), '{}')`,
    })
    .from(templates)
    .leftJoin(scenarioSteps, eq(scenarioSteps.templateId, templates.id))
    .leftJoin(scenarios, eq(scenarios.id, scenarioSteps.scenarioId))
    .groupBy(templates.id)
    .orderBy(asc(templates.channel), asc(templates.name));
}

export async function getTemplate(db: Queryable, id: string): Promise<Template | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(templates).where(eq(templates.id, id));
  return row ?? null;
}

/** Whether another template already has this name (ignoring case and surrounding spaces). */
export async function templateNameTaken(db: Queryable, name: string, exceptId?: string): Promise<boolean> {
  const same = sql`lower(trim(${templates.name})) = lower(trim(${name}))`;
  const [row] = await db.select({ id: templates.id }).from(templates).where(exceptId ? and(same, ne(templates.id, exceptId)) : same).limit(1);
  return Boolean(row);
}

export async function createTemplate(db: Queryable, channel: Template["channel"], input: TemplateInput): Promise<string> {
  const [row] = await db.insert(templates).values({ channel, ...input }).returning({ id: templates.id });
  return row.id;
}

/** Updates name, subject, body and attachments; a template keeps the channel it was created for. */
export async function updateTemplate(db: Queryable, id: string, input: TemplateInput): Promise<boolean> {
  const rows = await db.update(templates).set({ ...input, updatedAt: new Date() }).where(eq(templates.id, id)).returning({ id: templates.id });
  return rows.length > 0;
}

/** Names of the scenarios with a step that uses the template, in alphabetical order. */
export async function scenariosUsingTemplate(db: Queryable, id: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: scenarios.name })
    .from(scenarioSteps)
    .innerJoin(scenarios, eq(scenarios.id, scenarioSteps.scenarioId))
    .where(eq(scenarioSteps.templateId, id))
    .orderBy(asc(scenarios.name));
  return rows.map((r) => r.name);
}

/** Whether a step sends the template as a mise en demeure: its letter then carries the registered-mail mention. */
export async function sentAsFormalNotice(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: scenarioSteps.id })
    .from(scenarioSteps)
    .where(and(eq(scenarioSteps.templateId, id), eq(scenarioSteps.actionType, "formal_notice")))
    .limit(1);
  return Boolean(row);
}

export type DeleteTemplateResult = { deleted: string } | { usedBy: string[] } | null;

/**
 * Deletes a template no scenario step uses; returns its name, the scenarios that still use it (nothing deleted),
 * or null when it does not exist. The foreign key refuses the delete anyway: checking first gives a clear answer.
 */
export async function deleteTemplate(db: Queryable, id: string): Promise<DeleteTemplateResult> {
  if (!isUuid(id)) return null;
  const usedBy = await scenariosUsingTemplate(db, id);
  if (usedBy.length > 0) return { usedBy };
  const rows = await db.delete(templates).where(eq(templates.id, id)).returning({ name: templates.name });
  return rows[0] ? { deleted: rows[0].name } : null;
}
