/** A client's contacts, and who among them receives the reminders on each channel (at most one per channel). */
import { and, arrayOverlaps, asc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { type Queryable, queryRows } from "../client";
import { channel, clients, contacts } from "../schema";
import { clientInScope } from "./scope";

export type Channel = (typeof channel.enumValues)[number];

export type ContactInput = {
  civility: string | null;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  recipientFor: Channel[];
};

/** The ids of the client, when it is in the scope: the sub-select every write below filters on. */
const clientIdInScope = (db: Queryable, scope: Scope, clientId: string) =>
  db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.id, clientId), clientInScope(scope)));

/** Contacts of a client in scope: reminder recipients first, then by name. */
export function listContacts(db: Queryable, scope: Scope, clientId: string) {
  return selectContacts(db, inArray(contacts.clientId, clientIdInScope(db, scope, clientId)));
}

/**
 * Contacts of the client of an action the caller has already found in the user's scope: a collector handed an
 * action on a colleague's client needs them to work it, though the rest of that client stays out of reach.
 */
export function listActionClientContacts(db: Queryable, action: { clientId: string }) {
  return selectContacts(db, eq(contacts.clientId, action.clientId));
}

function selectContacts(db: Queryable, where: SQL) {
  return db
    .select()
    .from(contacts)
    .where(where)
    .orderBy(sql`cardinality(${contacts.recipientFor}) desc`, asc(contacts.name));
}

const channelArray = (channels: Channel[]): SQL =>
  channels.length === 0 ? sql`'{}'::channel[]` : sql`array[${sql.join(channels.map((c) => sql`${c}`), sql`, `)}]::channel[]`;

/**
 * Takes `channels` away from the client's other contacts, in one statement: the contact `keepId` becomes the
 * only recipient on those channels. Runs in the caller's transaction, after the contact itself is saved.
 */
async function releaseChannels(db: Queryable, clientId: string, keepId: string, channels: Channel[]) {
  if (channels.length === 0) return;
  const stripped = channels.reduce<SQL>((array, c) => sql`array_remove(${array}, ${c}::channel)`, sql`${contacts.recipientFor}`);
  await db
    .update(contacts)
    .set({ recipientFor: stripped })
    .where(and(eq(contacts.clientId, clientId), ne(contacts.id, keepId), arrayOverlaps(contacts.recipientFor, channels)));
}

/** Adds a contact to a client in scope; null when the client is not found there. */
export async function createContact(db: Queryable, scope: Scope, clientId: string, input: ContactInput): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into contacts (client_id, civility, name, role, email, phone, mobile, recipient_for)
        select clients.id, ${input.civility}, ${input.name}, ${input.role}, ${input.email}, ${input.phone}, ${input.mobile},
          ${channelArray(input.recipientFor)}
        from clients where clients.id = ${clientId} and ${clientInScope(scope)}
        returning id`,
  );
  if (!row) return null;
  await releaseChannels(db, clientId, row.id, input.recipientFor);
  return row.id;
}

/** Updates a contact of a client in scope; false when either is not found there. */
export async function updateContact(db: Queryable, scope: Scope, clientId: string, contactId: string, input: ContactInput): Promise<boolean> {
  const updated = await db
    .update(contacts)
    .set(input)
    .where(and(eq(contacts.id, contactId), eq(contacts.clientId, clientId), inArray(contacts.clientId, clientIdInScope(db, scope, clientId))))
    .returning({ id: contacts.id });
  if (updated.length === 0) return false;
  await releaseChannels(db, clientId, contactId, input.recipientFor);
  return true;
}

/** Deletes a contact of a client in scope; returns its name, or null when it is not found there. */
export async function deleteContact(db: Queryable, scope: Scope, clientId: string, contactId: string): Promise<string | null> {
  const [deleted] = await db
    .delete(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.clientId, clientId), inArray(contacts.clientId, clientIdInScope(db, scope, clientId))))
    .returning({ name: contacts.name });
  return deleted?.name ?? null;
}
