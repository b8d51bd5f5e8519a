"use client";

import { MessageSquare } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { ThreadSummary } from "@/db/queries/threads";
import { plainBody } from "@/lib/collaboration/mentions";
import { threadSubjectLabels } from "@/lib/collaboration/subjects";
import { formatDateTime } from "@/lib/format/fr";

/** The threads of a target, latest activity first; each opens in the panel. */
export function ThreadList({ threads, onOpen }: { threads: ThreadSummary[]; onOpen: (threadId: string) => void }) {
  if (!threads.length) {
    return (
      <div className="flex flex-col items-center gap-2 py-8 text-center text-sm text-muted-foreground">
        <MessageSquare className="size-6" aria-hidden="true" />
        <p>Aucune discussion pour l’instant.</p>
      </div>
    );
  }
  return (
    <ul className="space-y-2" aria-label="Discussions">
      {threads.map((thread) => (
        <li key={thread.id}>
          <button
            type="button"
            onClick={() => onOpen(thread.id)}
            className="w-full rounded-md border p-3 text-left outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
          >
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-medium break-words">{thread.title}</span>
              {thread.unread && <Badge variant="info">Nouveau</Badge>}
            </span>
            <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
              <span>{threadSubjectLabels[thread.subject]}</span>
              <span aria-hidden="true">·</span>
              <span className={thread.status === "resolved" ? "text-success" : undefined}>{thread.status === "resolved" ? "Résolue" : "Ouverte"}</span>
              {thread.documentNumber && (
                <>
                  <span aria-hidden="true">·</span>
                  <span>Pièce {thread.documentNumber}</span>
                </>
              )}
              <span aria-hidden="true">·</span>
              <span>
                {thread.messageCount} message{thread.messageCount > 1 ? "s" : ""}
              </span>
            </span>
            {thread.lastMessage && (
              <span className="mt-1 block truncate text-xs text-muted-foreground">
                {thread.lastMessage.author ?? "—"} : {plainBody(thread.lastMessage.body)} · {formatDateTime(thread.lastMessageAt)}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
