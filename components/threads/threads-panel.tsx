"use client";

import { ArrowLeft, Plus } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { loadThreadAction, loadThreadsAction } from "@/app/(app)/discussions/actions";
import { Button } from "@/components/ui/button";
import type { ThreadDetail, ThreadSummary } from "@/db/queries/threads";
import type { ThreadSubject, ThreadTarget } from "@/lib/collaboration/subjects";
import { NewThreadForm } from "./new-thread-form";
import { ThreadList } from "./thread-list";
import { ThreadView } from "./thread-view";

export type PanelView = { kind: "list" } | { kind: "new" } | { kind: "thread"; id: string };

/** The panel's body: the target's threads, a new thread, or one thread, loaded from the server on demand. */
export function ThreadsPanel({
  target,
  view,
  onView,
  canWrite,
  defaultSubject,
  onCreated,
}: {
  target: ThreadTarget;
  view: PanelView;
  onView: (view: PanelView) => void;
  canWrite: boolean;
  defaultSubject?: ThreadSubject;
  onCreated?: () => void;
}) {
  const [threads, setThreads] = useState<ThreadSummary[] | null>(null);
  const [thread, setThread] = useState<ThreadDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const threadId = view.kind === "thread" ? view.id : null;

  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const targetKey = JSON.stringify(target);

  useEffect(() => {
    if (view.kind === "new") return;
    let live = true;
    if (threadId) {
      void loadThreadAction(null, { threadId }).then((result) => {
        if (!live) return;
        setError(result.ok ? null : result.error);
        if (result.ok) setThread(result.data);
      });
    } else {
      void loadThreadsAction(null, JSON.parse(targetKey) as ThreadTarget).then((result) => {
        if (!live) return;
        setError(result.ok ? null : result.error);
        if (result.ok) setThreads(result.data);
      });
    }
    return () => {
      live = false;
    };
  }, [threadId, targetKey, view.kind, version]);

  const back = view.kind !== "list" && (
    <Button variant="ghost" size="sm" className="-ml-2 self-start" onClick={() => onView({ kind: "list" })}>
      <ArrowLeft className="size-4" aria-hidden="true" />
      Toutes les discussions
    </Button>
  );

  if (error) {
    return (
      <div className="space-y-3">
        {back}
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      </div>
    );
  }
  if (view.kind === "new") {
    return (
      <div className="flex flex-col gap-3">
        {back}
        <NewThreadForm target={target} defaultSubject={defaultSubject} onCreated={(id) => {
            onCreated?.();
            onView({ kind: "thread", id });
          }} onCancel={() => onView({ kind: "list" })} />
      </div>
    );
  }
  if (view.kind === "thread") {
    return (
      <div className="flex flex-col gap-3">
        {back}
        {thread?.id === view.id ? <ThreadView thread={thread} canWrite={canWrite} onChanged={reload} /> : <p className="text-sm text-muted-foreground">Chargement…</p>}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {canWrite && (
        <Button size="sm" className="self-start" onClick={() => onView({ kind: "new" })}>
          <Plus className="size-4" aria-hidden="true" />
          Nouvelle discussion
        </Button>
      )}
      {threads ? <ThreadList threads={threads} onOpen={(id) => onView({ kind: "thread", id })} /> : <p className="text-sm text-muted-foreground">Chargement…</p>}
    </div>
  );
}
