"use client";

import { Paperclip } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { ThreadDetail } from "@/db/queries/threads";
import { threadSubjectLabels } from "@/lib/collaboration/subjects";
import { formatDateTime } from "@/lib/format/fr";
import { attachmentSize } from "@/lib/outbound/attachment-size";
import { fileUrl } from "@/lib/storage/upload-client";
import { MessageBody } from "./message-body";
import { ThreadComposer } from "./thread-composer";
import { ThreadResolution } from "./thread-resolution";

/** One discussion: its messages, their files, the resolution, and the reply box while it is open. */
export function ThreadView({ thread, canWrite, onChanged }: { thread: ThreadDetail; canWrite: boolean; onChanged: () => void }) {
  const resolved = thread.status === "resolved";
  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant="secondary">{threadSubjectLabels[thread.subject]}</Badge>
          <Badge variant={resolved ? "success" : "info"}>{resolved ? "Résolue" : "Ouverte"}</Badge>
          {thread.documentNumber && <span className="text-xs text-muted-foreground">Pièce {thread.documentNumber}</span>}
        </div>
        <h3 className="text-base font-semibold break-words">{thread.title}</h3>
      </div>

      <ol className="space-y-3" aria-label="Messages">
        {thread.messages.map((message) => (
          <li key={message.id} className="rounded-md border bg-card p-3">
            <div className="mb-1 flex flex-wrap items-baseline justify-between gap-x-3 text-xs text-muted-foreground">
              <span className="font-medium text-foreground">{message.author ?? "Utilisateur supprimé"}</span>
              <time dateTime={new Date(message.createdAt).toISOString()}>{formatDateTime(message.createdAt)}</time>
            </div>
            <MessageBody body={message.body} />
            {message.attachments.length > 0 && (
              <ul className="mt-2 space-y-1">
                {message.attachments.map((file) => (
                  <li key={file.id}>
                    <a href={fileUrl(file.id)} className="inline-flex items-center gap-1 text-xs text-primary hover:underline">
                      <Paperclip className="size-3" aria-hidden="true" />
                      {file.fileName} <span className="text-muted-foreground">({attachmentSize(file.size)})</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>

      {resolved && (
        <div className="rounded-md border border-success/40 bg-success/5 p-3 text-sm">
          <p className="font-medium">
            Résolue{thread.resolvedBy && ` par ${thread.resolvedBy}`} le {formatDateTime(thread.resolvedAt)}
          </p>
          {thread.resolutionNote && <p className="mt-1 whitespace-pre-wrap">{thread.resolutionNote}</p>}
        </div>
      )}

      {canWrite && (
        <div className="space-y-3 border-t pt-3">
          {!resolved && <ThreadComposer threadId={thread.id} onSent={onChanged} />}
          <ThreadResolution threadId={thread.id} resolved={resolved} onChanged={onChanged} />
        </div>
      )}
    </div>
  );
}
