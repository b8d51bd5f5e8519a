/** What the criteria and group editors' selects offer, read on the server for the editor pages. */
import type { Queryable } from "@/db/client";
import { loadReadyColumns } from "@/db/queries/calculated-values";
import { toCalculatedFields } from "@/db/queries/calculated-fields";
import { listClientCustomFields } from "@/db/queries/clients";
import { listScenarioChoices } from "@/db/queries/groups";
import { listEntities, listUsers } from "@/db/queries/users";
import type { CalculatedField } from "@/lib/groups/criteria";
import type { CriteriaChoices } from "./criteria-fields";
import type { GroupEditorProps } from "./group-editor";

export async function loadCriteriaChoices(db: Queryable): Promise<{ customFields: string[]; calculated: CalculatedField[]; choices: CriteriaChoices }> {
  const [customFields, entities, users, ready] = await Promise.all([listClientCustomFields(db), listEntities(db), listUsers(db), loadReadyColumns(db)]);
  const people = (role: string) => users.filter((u) => u.role === role).map((u) => ({ id: u.id, name: u.active ? u.name : `${u.name} (désactivé)` }));
  return {
    customFields,
    // Only columns whose formula holds: a criterion on a broken one would be refused.
    calculated: toCalculatedFields(ready.columns),
    choices: { entity: entities.map((e) => ({ id: e.id, name: e.name })), collector: people("collector"), salesRep: people("sales") },
  };
}

export async function loadGroupEditorChoices(db: Queryable): Promise<Omit<GroupEditorProps, "group">> {
  const [scenarios, criteria] = await Promise.all([listScenarioChoices(db), loadCriteriaChoices(db)]);
  return { scenarios, ...criteria };
}
