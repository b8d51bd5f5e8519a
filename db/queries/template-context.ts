/** Gathers what a template is rendered with for one client: the preview and, later, the outbound channels. */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { isUuid } from "@/lib/ids";
import type { TemplateChannel, TemplateContext } from "@/lib/templates/context";
import type { Queryable } from "../client";
import { clients, contacts, documents, users } from "../schema";
import { clientInScope } from "./scope";
import { getOption } from "./settings";

/** What a template shows of each document (see TemplateDocument). */
export const templateDocumentColumns = {
  type: documents.type,
  number: documents.number,
  issueDate: documents.issueDate,
  dueDate: documents.dueDate,
  amount: documents.amount,
  openAmount: documents.openAmount,
  currency: documents.currency,
};

/** Reminders list the oldest documents first; past this many the letter or e-mail would be unreadable anyway. */
export const MAX_TEMPLATE_DOCUMENTS = 50;

/**
 * The rendering context of a client in scope on `today`, for `channel`; null when the client does not exist
 * or lies outside the scope. The contact is the channel's recipient, else the billing contact, else the first.
 */
export async function loadTemplateContext(
  db: Queryable,
  scope: Scope,
  clientId: string,
  today: string,
  channel: TemplateChannel,
): Promise<TemplateContext | null> {
  if (!isUuid(clientId)) return null;
  const [row] = await db
    .select({
      code: clients.code,
      name: clients.name,
      address: clients.address,
      postalCode: clients.postalCode,
      city: clients.city,
      country: clients.country,
      outstanding: clients.outstanding,
      overdue: clients.overdue,
      collectorName: users.name,
      collectorCivility: users.civility,
      collectorEmail: users.email,
      collectorPhone: users.phone,
    })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.collectorId))
    .where(and(eq(clients.id, clientId), clientInScope(scope)));
  if (!row) return null;

  const [contactRows, documentRows, company, penaltyRatePercent] = await Promise.all([
    db
      .select({ civility: contacts.civility, name: contacts.name })
      .from(contacts)
      .where(eq(contacts.clientId, clientId))
      .orderBy(
        desc(sql`${channel}::channel = any(${contacts.recipientFor})`),
        desc(sql`${contacts.role} = 'facturation'`),
        asc(contacts.createdAt),
        asc(contacts.name),
      )
      .limit(1),
    db
      .select(templateDocumentColumns)
      .from(documents)
      .where(and(eq(documents.clientId, clientId), eq(documents.status, "open")))
      .orderBy(asc(documents.dueDate), asc(documents.number))
      .limit(MAX_TEMPLATE_DOCUMENTS),
    getOption(db, "company"),
    getOption(db, "latePaymentRatePercent"),
  ]);

  return {
    today,
    client: { code: row.code, name: row.name, address: row.address, postalCode: row.postalCode, city: row.city, country: row.country },
    contact: contactRows[0] ?? null,
    company: { name: company.name, address: company.address, iban: company.iban, signature: company.signature },
    collector: row.collectorName ? { name: row.collectorName, civility: row.collectorCivility, email: row.collectorEmail, phone: row.collectorPhone } : null,
    totals: { outstanding: row.outstanding, overdue: row.overdue },
    documents: documentRows,
    penaltyRatePercent,
  };
}
