import type { Role } from "@/lib/auth/roles";
import type { Queryable } from "./client";
import { clients, documents, entities, groups, scenarioSteps, scenarios, userEntities, users } from "./schema";

/** Small builders for integration tests: each inserts one row with sensible defaults and returns it. */
let counter = 0;
const next = () => ++counter;

export async function makeEntity(db: Queryable, code = `E${next()}`) {
  const [row] = await db.insert(entities).values({ code, name: `Société ${code}` }).returning();
  return row;
}

export async function makeUser(db: Queryable, role: Role, extra: Partial<typeof users.$inferInsert> & { entityIds?: string[] } = {}) {
  const { entityIds = [], ...values } = extra;
  const n = next();
  const [row] = await db
    .insert(users)
    .values({ email: `user${n}@test.fr`, name: `Utilisateur ${n}`, role, passwordHash: "x", ...values })
    .returning();
  if (entityIds.length) await db.insert(userEntities).values(entityIds.map((entityId) => ({ userId: row.id, entityId })));
  return row;
}

export async function makeClient(db: Queryable, entityId: string, extra: Partial<typeof clients.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(clients)
    .values({ entityId, code: `C${String(n).padStart(5, "0")}`, name: `Client ${n} SAS`, ...extra })
    .returning();
  return row;
}

export async function makeDocument(
  db: Queryable,
  clientId: string,
  values: { amount: string; issueDate: string; dueDate: string } & Partial<typeof documents.$inferInsert>,
) {
  const [row] = await db
    .insert(documents)
    .values({ clientId, type: "invoice", number: `F${next()}`, openAmount: values.amount, ...values })
    .returning();
  return row;
}

export async function makeGroup(db: Queryable, values: Partial<typeof groups.$inferInsert> & { priority: number }) {
  const [row] = await db.insert(groups).values({ name: `Groupe ${next()}`, ...values }).returning();
  return row;
}

type StepValues = Omit<typeof scenarioSteps.$inferInsert, "scenarioId" | "position">;

/** A scenario and its steps, positioned in the order given. */
export async function makeScenario(db: Queryable, name: string, steps: StepValues[]) {
  const [row] = await db.insert(scenarios).values({ name }).returning();
  await db.insert(scenarioSteps).values(steps.map((step, i) => ({ ...step, scenarioId: row.id, position: i + 1 })));
  return row;
}
