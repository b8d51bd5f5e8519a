import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actions } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { parseAgendaSearch, toAgendaFilters, withAutomaticState } from "@/lib/relance/agenda-filters";
import { listAgendaActions } from "./agenda";
import { confirmActions } from "./agenda-writes";
import { countAutomaticMatching, countAutomaticStates } from "./automatic-states";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
let sup: Scope;
let other: Scope;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const north = await makeEntity(db);
  const south = await makeEntity(db);
  const alice = await makeUser(db, "collector", { entityIds: [north.id] });
  const a = await makeClient(db, north.id, { collectorId: alice.id, name: "Alpha Bâtiment" });
  const s = await makeClient(db, south.id, { name: "Sud Matériaux" });
  const letter = { type: "letter", mode: "automatic_to_confirm", clientId: a.id, assignedUserId: alice.id } as const;
  const email = { type: "email", mode: "automatic", clientId: a.id, assignedUserId: alice.id } as const;
  const rows = await db
    .insert(actions)
    .values([
      { ...letter, plannedDate: "2026-11-20", status: "to_confirm" },
      { ...letter, plannedDate: today, status: "to_confirm" },
      { ...letter, plannedDate: "2026-11-27", status: "to_confirm" },
      { ...email, plannedDate: today, status: "scheduled" },
      { ...email, plannedDate: "2026-11-30", status: "scheduled" },
      { ...email, plannedDate: "2026-11-22", status: "error", errorMessage: "Aucune adresse e-mail" },
      // Not in the automatic tab, or in another société.
      { ...email, plannedDate: "2026-11-10", status: "sent" },
      { type: "call", mode: "manual", clientId: a.id, plannedDate: today, status: "planned" },
      { ...letter, clientId: s.id, assignedUserId: null, plannedDate: today, status: "to_confirm" },
    ])
    .returning({ id: actions.id, plannedDate: actions.plannedDate, status: actions.status, clientId: actions.clientId });
  rows.forEach((r) => (ids[`${r.status}-${r.plannedDate}${r.clientId === s.id ? "-south" : ""}`] = r.id));
  const supervisor = await makeUser(db, "supervisor");
  // A manager of the north société stands for a narrower scope.
  const manager = await makeUser(db, "manager", { entityIds: [north.id] });
  sup = (await loadScope(db, supervisor.id, today))!;
  other = (await loadScope(db, manager.id, today))!;
});
afterAll(() => handle.close());

const filtersOf = (query: string, scope: Scope) => {
  const search = parseAgendaSearch(Object.fromEntries(new URLSearchParams(query)));
  return withAutomaticState(toAgendaFilters(search, scope), search, today);
};

describe("automatic actions by état", () => {
  it("counts each état: three by status, « à venir » by date", async () => {
    expect(await countAutomaticStates(handle.db, sup, filtersOf("", sup), today)).toEqual({ a_confirmer: 4, confirmee: 2, erreur: 1, a_venir: 2 });
    expect(await countAutomaticStates(handle.db, other, filtersOf("", other), today)).toEqual({ a_confirmer: 3, confirmee: 2, erreur: 1, a_venir: 2 });
  });

  it("lists only the état chosen", async () => {
    const list = async (query: string) =>
      (await listAgendaActions(handle.db, sup, "automatic", filtersOf(query, sup), { page: 1, pageSize: 50 })).map((r) => `${r.status}-${r.plannedDate}`);
    expect(await list("etat=a_venir")).toEqual(["to_confirm-2026-11-27", "scheduled-2026-11-30"]);
    expect(await list("etat=erreur")).toEqual(["error-2026-11-22"]);
    expect(await list("etat=confirmee")).toEqual([`scheduled-${today}`, "scheduled-2026-11-30"]);
  });

  it("confirms, of everything matching, only what is à confirmer, within the scope", async () => {
    // « Tout ce qui correspond » on the north société's actions planned from today: 2 to confirm, 2 confirmed.
    const northFilters = filtersOf(`entity=${other.entityIds[0]}&from=${today}`, sup);
    expect(await countAutomaticMatching(handle.db, sup, northFilters)).toBe(4);
    const confirmed = await confirmActions(handle.db, sup, { filters: northFilters });
    expect(confirmed.sort()).toEqual([ids[`to_confirm-${today}`], ids["to_confirm-2026-11-27"]].sort());
    const after = await handle.db.select({ status: actions.status }).from(actions).where(inArray(actions.id, [ids["to_confirm-2026-11-20"], ids[`to_confirm-${today}-south`]]));
    expect(after.map((r) => r.status)).toEqual(["to_confirm", "to_confirm"]);
  });

  it("confirms all à confirmer with the état filter, and nothing once done", async () => {
    const filters = filtersOf("etat=a_confirmer", sup);
    expect(await countAutomaticMatching(handle.db, sup, filters)).toBe(2);
    expect(await confirmActions(handle.db, sup, { filters })).toHaveLength(2);
    expect(await countAutomaticMatching(handle.db, sup, filters)).toBe(0);
    expect(await confirmActions(handle.db, sup, { filters })).toEqual([]);
  });
});
