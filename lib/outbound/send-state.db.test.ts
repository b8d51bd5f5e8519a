/**
 * Honest states: an e-mail or SMS recorded only in the outbox reads « Simulé (non envoyé) » in the history, the
 * client's timeline and the counters; the same e-mail sent through Resend (a local fake of its API) reads « Envoyé ».
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, setDatabase } from "@/db/client";
import { agendaChartRows } from "@/db/queries/agenda-charts";
import { listAgendaActions } from "@/db/queries/agenda";
import { listClientTimeline } from "@/db/queries/client-timeline";
import { loadScope } from "@/db/queries/scope";
import { teamPerformance } from "@/db/queries/team-performance";
import { actions, outboundMessages } from "@/db/schema";
import { makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { actionStatusLabels } from "@/lib/collection/labels";
import { shownStatus } from "@/lib/relance/history-result";
import { outboxEmail, outboxSms, resendEmail } from "./providers";
import { sendAction } from "./send-action";
import { isSimulatedSend } from "./send-state";
import { makeDueAction, makeRecipientClient, makeSendingScenario } from "./test-fixtures";

const date = "2026-11-23";
let handle: DatabaseHandle;
let server: http.Server;
let scenario: Awaited<ReturnType<typeof makeSendingScenario>>;
let collectorId: string;
let scope: Scope;
const outbox = { email: outboxEmail, sms: outboxSms };
let resend: typeof outbox;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  scenario = await makeSendingScenario(handle.db);
  collectorId = (await makeUser(handle.db, "collector", { name: "Chloé" })).id;
  const admin = await makeUser(handle.db, "admin");
  scope = (await loadScope(handle.db, admin.id, date))!;
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: "re_456" })));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  resend = { email: resendEmail({ apiKey: "re_test_key", from: "Encaisse <relances@encaisse.test>", baseUrl: `http://127.0.0.1:${port}` }), sms: outboxSms };
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
});

/** Sends one action of `type` for a new client of the collector, as the nightly run would on `date`. */
async function send(type: "email" | "sms" | "letter", providers: typeof outbox) {
  const { client, document } = await makeRecipientClient(handle.db, {}, { collectorId });
  const stepId = scenario.step(type === "email" ? "E-mail" : type === "sms" ? "SMS" : "Courrier").id;
  const action = await makeDueAction(handle.db, { clientId: client.id, stepId, type, documentIds: [document.id] });
  expect(await sendAction(handle.db, action.id, date, providers)).toMatchObject({ status: "sent" });
  // Sent at noon on the planned day, so the counters of that day see it whatever the clock says.
  await handle.db.update(actions).set({ sentAt: new Date(`${date}T11:00:00Z`) }).where(eq(actions.id, action.id));
  return { action, client };
}

async function readStates(actionId: string, clientId: string) {
  const [message] = await handle.db.select().from(outboundMessages).where(eq(outboundMessages.actionId, actionId));
  const timeline = await listClientTimeline(handle.db, scope, clientId);
  const [history] = (await listAgendaActions(handle.db, scope, "history", { q: undefined }, { page: 1, pageSize: 500 })).filter((r) => r.id === actionId);
  return { message, timeline: timeline.find((e) => e.key === `action:${actionId}`)!.status, history: shownStatus(history) };
}

const chartStates = async () => {
  const rows = await agendaChartRows(handle.db, scope, { from: date, to: date }, date);
  return Object.fromEntries(rows.map((r) => [`${r.type} ${r.state}`, r.actions]));
};
const collectorActions = async () => (await teamPerformance(handle.db, scope, date)).find((r) => r.userId === collectorId)!.actions;

describe("what a send reads as", () => {
  it("reads an e-mail and an SMS left in the outbox as simulated, and leaves them out of the team's counts", async () => {
    const email = await send("email", outbox);
    const states = await readStates(email.action.id, email.client.id);
    expect(states.message).toMatchObject({ provider: "outbox", status: "sent" });
    expect(isSimulatedSend(states.message)).toBe(true);
    expect(states.timeline).toBe("simulated");
    expect(states.history).toBe("simulated");
    expect(actionStatusLabels[states.history]).toBe("Simulé (non envoyé)");

    const sms = await send("sms", outbox);
    expect((await readStates(sms.action.id, sms.client.id)).timeline).toBe("simulated");

    expect(await chartStates()).toEqual({ "email simulated": 1, "sms simulated": 1 });
    expect(await collectorActions()).toEqual({});
  });

  it("reads the same e-mail sent through Resend as sent, and counts it", async () => {
    const email = await send("email", resend);
    const states = await readStates(email.action.id, email.client.id);
    expect(states.message).toMatchObject({ provider: "resend", providerMessageId: "re_456", status: "sent" });
    expect(isSimulatedSend(states.message)).toBe(false);
    expect(states.timeline).toBe("sent");
    expect(states.history).toBe("sent");
    expect(await chartStates()).toEqual({ "email simulated": 1, "sms simulated": 1, "email done": 1 });
    expect(await collectorActions()).toEqual({ email: 1 });
  });

  it("reads a letter put in the day's print batch as sent: it is printed and posted", async () => {
    const letter = await send("letter", outbox);
    const states = await readStates(letter.action.id, letter.client.id);
    expect(states.message).toMatchObject({ provider: "outbox", channel: "letter", status: "sent", batchDate: date });
    expect(states.timeline).toBe("sent");
    expect(await collectorActions()).toEqual({ email: 1, letter: 1 });
  });
});
