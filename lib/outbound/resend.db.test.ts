/** Sending through the real Resend SDK against a local fake of its API. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, setDatabase } from "@/db/client";
import { actions, outboundMessages } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { outboxSms, resendEmail } from "./providers";
import { sendAction } from "./send-action";
import { makeDueAction, makeRecipientClient, makeSendingScenario, pdfText } from "./test-fixtures";

type Captured = { method: string; url: string; headers: http.IncomingHttpHeaders; body: Record<string, unknown> };

let handle: DatabaseHandle;
let scenario: Awaited<ReturnType<typeof makeSendingScenario>>;
let server: http.Server;
let providers: Parameters<typeof sendAction>[3];
const requests: Captured[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: { id: "re_123" } };
const date = "2026-11-23";

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  scenario = await makeSendingScenario(handle.db);
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      res.writeHead(reply.status, { "Content-Type": "application/json" }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  providers = { email: resendEmail({ apiKey: "re_test_key", from: "Encaisse <relances@encaisse.test>", baseUrl: `http://127.0.0.1:${port}` }), sms: outboxSms };
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
});
beforeEach(() => {
  requests.length = 0;
  reply = { status: 200, body: { id: "re_123" } };
});

async function dueEmail() {
  const { client, document } = await makeRecipientClient(handle.db);
  const action = await makeDueAction(handle.db, { clientId: client.id, stepId: scenario.step("E-mail").id, type: "email", documentIds: [document.id] });
  return { action, client, document };
}
const actionRow = async (id: string) => (await handle.db.select().from(actions).where(eq(actions.id, id)))[0];

describe("Resend", () => {
  it("posts the e-mail with its HTML body and the documents list as a PDF attachment", async () => {
    const { action, client, document } = await dueEmail();
    expect(await sendAction(handle.db, action.id, date, providers)).toMatchObject({ status: "sent" });

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({ method: "POST", url: "/emails" });
    expect(request.headers.authorization).toBe("Bearer re_test_key");
    expect(request.headers["idempotency-key"]).toBe(`action-${action.id}`);
    expect(request.body).toMatchObject({ from: "Encaisse <relances@encaisse.test>", to: ["compta@client.fr"], subject: `Factures échues – ${client.name}` });
    expect(request.body.html).toContain("<p>Bonjour Martin,</p>");
    expect(request.body.html).toContain(document.number);
    const [attachment] = request.body.attachments as { filename: string; content: string; content_type: string }[];
    expect(attachment).toMatchObject({ filename: `releve-${client.code}-2026-11-23.pdf`, content_type: "application/pdf" });
    const text = await pdfText(Buffer.from(attachment.content, "base64"));
    expect(text).toContain(`Relevé des pièces – ${client.name}`);
    expect(text).toContain(document.number);

    const [message] = await handle.db.select().from(outboundMessages).where(eq(outboundMessages.actionId, action.id));
    expect(message).toMatchObject({ provider: "resend", providerMessageId: "re_123", status: "sent" });
    expect((await actionRow(action.id)).status).toBe("sent");
  });

  it("puts the action in error with the provider's reason when Resend refuses the address", async () => {
    const { action } = await dueEmail();
    reply = { status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." } };
    expect(await sendAction(handle.db, action.id, date, providers)).toEqual({
      status: "error",
      reason: "Adresse refusée par le fournisseur : Invalid `to` field.",
    });
    expect(await actionRow(action.id)).toMatchObject({ status: "error", errorMessage: "Adresse refusée par le fournisseur : Invalid `to` field." });
    const [message] = await handle.db.select().from(outboundMessages).where(eq(outboundMessages.actionId, action.id));
    expect(message).toMatchObject({ status: "failed", provider: "resend" });
  });

  it("throws on a server error or a rate limit so the job retries, the action still scheduled", async () => {
    const { action } = await dueEmail();
    for (const status of [500, 429]) {
      reply = { status, body: { statusCode: status, name: status === 429 ? "rate_limit_exceeded" : "internal_server_error", message: "Try later" } };
      await expect(sendAction(handle.db, action.id, date, providers)).rejects.toThrow(`Resend indisponible (${status})`);
      expect((await actionRow(action.id)).status).toBe("scheduled");
    }
    expect(await handle.db.select().from(outboundMessages).where(eq(outboundMessages.actionId, action.id))).toEqual([]);
  });
});
