/**
 * The daily digest: each working morning, a user who asked for it receives their unread notifications by e-mail,
 * through the same providers as the reminders (the outbox when none is configured). Exactly once per user and
 * day: the outbound record keyed `digest:<user>:<day>` is claimed in the transaction that sends, so a retried job
 * or a second worker finds it taken; a transient provider failure rolls the claim back for the next try.
 */
import type { Db } from "@/db/client";
import { finishOutbound } from "@/db/queries/action-sending";
import { claimDigest, type DigestItem, type DueDigest, digestKey, listDueDigests, markDigestSent } from "@/db/queries/notification-digest";
import { safeReturnPath } from "@/lib/auth/return-path";
import { env } from "@/lib/env";
import { formatDateTime, formatInteger } from "@/lib/format/fr";
import { configuredProviders, type EmailProvider } from "@/lib/outbound/providers";
import { escapeHtml } from "@/lib/templates";

export type DigestReport = { due: number; sent: number; refused: number; skipped: number };

function absolute(link: string | null): string {
  const path = link ? safeReturnPath(link) : "/";
  return new URL(path === "/" ? "/notifications" : path, env.APP_URL).toString();
}

export function digestSubject(total: number): string {
  return total === 1 ? "Encaisse : 1 notification non lue" : `Encaisse : ${formatInteger(total)} notifications non lues`;
}

/** The e-mail: every title a link into the app; all text escaped, nothing from a message interpreted. */
export function renderDigest(digest: Pick<DueDigest, "name" | "total" | "items">): string {
  const item = (n: DigestItem) =>
    `<li style="margin:0 0 12px"><a href="${escapeHtml(absolute(n.link))}">${escapeHtml(n.title)}</a>` +
    (n.body ? `<br><span style="color:#555">${escapeHtml(n.body)}</span>` : "") +
    `<br><span style="color:#888;font-size:12px">${escapeHtml(formatDateTime(n.createdAt))}</span></li>`;
  const more = digest.total - digest.items.length;
  return [
    `<p>Bonjour ${escapeHtml(digest.name)},</p>`,
    `<p>${digest.total === 1 ? "Une notification vous attend" : `${formatInteger(digest.total)} notifications vous attendent`} dans Encaisse :</p>`,
    `<ul style="padding-left:18px">${digest.items.map(item).join("")}</ul>`,
    more > 0 ? `<p>… et ${formatInteger(more)} autre${more > 1 ? "s" : ""}.</p>` : "",
    `<p><a href="${escapeHtml(absolute("/notifications"))}">Voir toutes les notifications</a></p>`,
    `<p style="color:#888;font-size:12px">Vous recevez ce résumé parce que vous l'avez demandé ; il se désactive sur la page Notifications.</p>`,
  ].join("\n");
}

export async function sendNotificationDigests(
  db: Db,
  date: string,
  email: EmailProvider = configuredProviders().email,
): Promise<DigestReport> {
  const due = await listDueDigests(db, date);
  const report: DigestReport = { due: due.length, sent: 0, refused: 0, skipped: 0 };
  const failures: unknown[] = [];
  for (const digest of due) {
    try {
      const outcome = await db.transaction(async (tx) => {
        const subject = digestSubject(digest.total);
        const html = renderDigest(digest);
        const id = await claimDigest(tx, { userId: digest.userId, date, recipient: digest.email, subject, body: html, provider: email.name });
        if (!id) return "skipped" as const;
        const sent = await email.send({ idempotencyKey: digestKey(digest.userId, date), to: digest.email, subject, html, attachments: [] });
        if (sent.status === "refused") {
          await finishOutbound(tx, id, { status: "failed", error: sent.reason });
          return "refused" as const;
        }
        await finishOutbound(tx, id, { status: "sent", providerMessageId: sent.providerMessageId });
        await markDigestSent(tx, digest.userId);
        return "sent" as const;
      });
      report[outcome] += 1;
    } catch (error) {
      // One user's transient failure does not hold back the others; the job fails afterwards and retries it.
      failures.push(error);
    }
  }
  if (failures.length) throw failures[0];
  return report;
}
