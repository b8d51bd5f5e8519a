import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { markScenarioForecastStale, readScenarioForecast, storeScenarioForecast } from "@/db/queries/scenario-forecasts";
import { documents } from "@/db/schema";
import { makeClient, makeEntity, makeGroup, makeScenario } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { addDays } from "@/lib/dates";
import { FORECAST_NIGHTS, forecastNights, refreshScenarioForecast, scenarioShare } from "./forecast";

const D = "2026-11-23";
let handle: DatabaseHandle;
let scenarios: Record<"standard" | "short", string>;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const standard = await makeScenario(db, "Standard", [
    { label: "Relance", offsetDays: 5, actionType: "email", mode: "automatic" },
    { label: "Appel", offsetDays: 15, actionType: "call", mode: "manual" },
  ]);
  const short = await makeScenario(db, "Court", [{ label: "Relance courte", offsetDays: 10, actionType: "email", mode: "automatic" }]);
  scenarios = { standard: standard.id, short: short.id };
  const groups = [
    (await makeGroup(db, { name: "Standard", priority: 1, scenarioId: standard.id })).id,
    (await makeGroup(db, { name: "Court", priority: 2, scenarioId: short.id })).id,
  ];
  const clientIds: string[] = [];
  for (let i = 0; i < 6; i++) clientIds.push((await makeClient(db, entity.id, { groupId: groups[i % 2] })).id);
  // One invoice per client and week of due date, from three weeks ago to next week: every step is reached in 30 nights.
  await db.insert(documents).values(
    clientIds.flatMap((clientId, c) =>
      [-21, -14, -7, 0, 7].map((days, w) => {
        const dueDate = addDays(D, days + c);
        return { clientId, type: "invoice" as const, number: `F${c}-${w}`, issueDate: addDays(dueDate, -30), dueDate, amount: "250.00", openAmount: "250.00" };
      }),
    ),
  );
});
afterAll(() => handle.close());

describe("the stored forecast of the coming nights", () => {
  it("gives each scenario the same share as a forecast of that scenario alone", async () => {
    const all = await forecastNights(handle.db, { date: D, nights: FORECAST_NIGHTS });
    for (const id of Object.values(scenarios)) {
      const alone = await forecastNights(handle.db, { date: D, nights: FORECAST_NIGHTS, scenarioId: id });
      expect(alone.steps.reduce((n, s) => n + s.actions, 0)).toBeGreaterThan(0);
      expect(scenarioShare(all, id)).toEqual(alone);
    }
  });

  it("is stored by a computation, marked stale by a change, and replaced by the next computation only", async () => {
    expect(await readScenarioForecast(handle.db)).toEqual({ forecast: null, computedAt: null, computing: false, failed: false });
    await markScenarioForecastStale(handle.db);
    expect(await readScenarioForecast(handle.db)).toMatchObject({ forecast: null, computing: true });

    const report = await refreshScenarioForecast(handle.db, D);
    const stored = await readScenarioForecast(handle.db);
    expect(stored).toMatchObject({ computing: false, failed: false });
    expect(stored.forecast).toEqual(await forecastNights(handle.db, { date: D, nights: FORECAST_NIGHTS }));
    expect(report.actions).toBe(stored.forecast!.steps.reduce((n, s) => n + s.actions, 0));

    await markScenarioForecastStale(handle.db);
    expect((await readScenarioForecast(handle.db)).computing).toBe(true);
    // A computation begun before the change, ending after it, leaves the forecast stale; one begun after it does not.
    await storeScenarioForecast(handle.db, { ...stored.forecast!, from: "2026-11-01" }, new Date(Date.now() - 60_000));
    expect(await readScenarioForecast(handle.db)).toMatchObject({ computing: true, forecast: { from: D } });
    await refreshScenarioForecast(handle.db, addDays(D, 1));
    expect(await readScenarioForecast(handle.db)).toMatchObject({ computing: false, forecast: { from: addDays(D, 1) } });
  });

  it("takes a computation asked for more than ten minutes ago and never stored for failed", async () => {
    await markScenarioForecastStale(handle.db);
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await readScenarioForecast(handle.db, later)).toMatchObject({ computing: false, failed: true });
  });
});
