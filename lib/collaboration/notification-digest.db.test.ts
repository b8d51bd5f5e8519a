import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { notifications, outboundMessages, users } from "@/db/schema";
import { makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { type EmailMessage, type EmailProvider, TransientSendError } from "@/lib/outbound/providers";
import { renderDigest, sendNotificationDigests } from "./notification-digest";

let handle: DatabaseHandle;
let wants: { id: string; email: string };
let other: { id: string };

/** Records what it was given; `failNext` makes the next call fail as a provider outage does. */
function fakeEmail() {
  const sent: EmailMessage[] = [];
  let failNext = false;
  const provider: EmailProvider = {
    name: "fake",
    async send(message) {
      if (failNext) {
        failNext = false;
        throw new TransientSendError("panne");
      }
      sent.push(message);
      return { status: "sent", providerMessageId: `m${sent.length}` };
    },
  };
  return { provider, sent, failOnce: () => (failNext = true) };
}

const notify = (userId: string, title: string, extra: Partial<typeof notifications.$inferInsert> = {}) =>
  handle.db.insert(notifications).values({ userId, kind: "thread.mention", title, link: "/discussions/x", ...extra });

beforeAll(async () => {
  handle = await createTestDatabase();
  wants = await makeUser(handle.db, "sales", { notificationDigest: true, name: "Nicolas <Moreau>" });
  other = await makeUser(handle.db, "collector");
  await notify(wants.id, "Sophie vous a mentionné dans « Avoir <urgent> »", { body: "Peux-tu confirmer ?" });
  await notify(wants.id, "Tâche : Appeler le client — Dupont SAS");
  await notify(wants.id, "Déjà lue", { readAt: new Date() });
  await notify(wants.id, "Trop ancienne", { createdAt: new Date(Date.now() - 9 * 86_400_000) });
  await notify(other.id, "Pour quelqu'un qui n'a rien demandé");
});
afterAll(() => handle?.close());

describe("daily notification digest", () => {
  it("survives a provider outage: nothing recorded, the next try sends", async () => {
    const email = fakeEmail();
    email.failOnce();
    await expect(sendNotificationDigests(handle.db, "2026-12-07", email.provider)).rejects.toThrow("panne");
    expect(await handle.db.select().from(outboundMessages)).toHaveLength(0);

    const report = await sendNotificationDigests(handle.db, "2026-12-07", email.provider);
    expect(report).toEqual({ due: 1, sent: 1, refused: 0, skipped: 0 });
    expect(email.sent).toHaveLength(1);
    const [message] = email.sent;
    expect(message.to).toBe(wants.email);
    expect(message.subject).toBe("Encaisse : 2 notifications non lues");
    // Unread and recent only, escaped, each a link into the app.
    expect(message.html).toContain("Sophie vous a mentionné dans « Avoir &lt;urgent&gt; »");
    expect(message.html).toContain("Bonjour Nicolas &lt;Moreau&gt;,");
    expect(message.html).toContain('href="http://localhost:3000/discussions/x"');
    expect(message.html).toContain("Tâche : Appeler le client — Dupont SAS");
    expect(message.html).not.toContain("Déjà lue");
    expect(message.html).not.toContain("Trop ancienne");
    expect(message.html).not.toContain("<urgent>");
  });

  it("goes once a day per user, recorded in the outbox, and the next one holds only what came since", async () => {
    const email = fakeEmail();
    expect(await sendNotificationDigests(handle.db, "2026-12-07", email.provider)).toEqual({ due: 0, sent: 0, refused: 0, skipped: 0 });
    expect(email.sent).toHaveLength(0);
    const rows = await queryRows<{ dedupe_key: string; status: string; recipient: string }>(
      handle.db,
      sql`select dedupe_key, status, recipient from outbound_messages`,
    );
    expect(rows).toEqual([{ dedupe_key: `digest:${wants.id}:2026-12-07`, status: "sent", recipient: wants.email }]);

    // Nothing new the next morning: no e-mail, even though the two stay unread.
    expect((await sendNotificationDigests(handle.db, "2026-12-08", email.provider)).due).toBe(0);
    await notify(wants.id, "Nouvelle tâche");
    await sendNotificationDigests(handle.db, "2026-12-08", email.provider);
    expect(email.sent.map((m) => m.subject)).toEqual(["Encaisse : 1 notification non lue"]);
    expect(email.sent[0].html).toContain("Nouvelle tâche");
    expect(email.sent[0].html).not.toContain("Dupont SAS");
  });

  it("stops when the user turns it off", async () => {
    await handle.db.update(users).set({ notificationDigest: false }).where(eq(users.id, wants.id));
    await notify(wants.id, "Après désactivation");
    const email = fakeEmail();
    expect((await sendNotificationDigests(handle.db, "2026-12-09", email.provider)).due).toBe(0);
    expect(email.sent).toHaveLength(0);
  });

  it("counts what it does not list", () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ title: `N${i}`, body: null, link: null, createdAt: "2026-12-07T06:00:00Z" }));
    const html = renderDigest({ name: "A", total: 23, items });
    expect(html).toContain("23 notifications vous attendent");
    expect(html).toContain("… et 3 autres.");
    expect(html).toContain('href="http://localhost:3000/notifications"');
  });
});
