import type { threadSubject } from "@/db/schema/enums";

export type ThreadSubject = (typeof threadSubject.enumValues)[number];

export const threadSubjectLabels: Record<ThreadSubject, string> = {
  litige: "Litige",
  conditions_paiement: "Conditions de paiement",
  limite_credit: "Limite de crédit",
  demande_avoir: "Demande d’avoir",
  lettrage: "Lettrage",
  autre: "Autre",
};

export const threadSubjects = Object.keys(threadSubjectLabels) as ThreadSubject[];

/** Where a discussion is attached: always a client, and at most one of its pièces, disputes or actions. */
export type ThreadTarget = { clientId: string; documentId?: number | null; disputeId?: string | null; actionId?: string | null };

/** Every notification of a discussion points here; the page sends those who may see the client to the fiche. */
export const threadLink = (threadId: string) => `/discussions/${threadId}`;
