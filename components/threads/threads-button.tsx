"use client";

import { MessageSquare } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import type { ThreadSubject, ThreadTarget } from "@/lib/collaboration/subjects";
import { type PanelView, ThreadsPanel } from "./threads-panel";

const urlParam = "discussion";

/** Keeps `?discussion=<id>` in the address while a thread is open, so the page reloads or is shared on it. */
function syncAddress(threadId: string | null) {
  const url = new URL(window.location.href);
  if (threadId) url.searchParams.set(urlParam, threadId);
  else url.searchParams.delete(urlParam);
  window.history.replaceState(window.history.state, "", url);
}

/**
 * « Discussions »: opens a side panel with the threads of a client, pièce, dispute or action, without leaving
 * the page. `variant="icon"` fits a table row (`label` then names the row for screen readers).
 */
export function ThreadsButton({
  target,
  count,
  label,
  variant = "button",
  initialThreadId,
  syncUrl = false,
  canWrite = true,
  defaultSubject,
}: {
  target: ThreadTarget;
  /** Threads the user may read there; shown as « Discussions (n) ». */
  count?: number;
  /** What the threads are about (« Pièce F-1024 »), under the panel title and in the icon button's name. */
  label?: string;
  variant?: "button" | "icon";
  /** Opens the panel on this thread at once (from `?discussion=`). */
  initialThreadId?: string;
  /** Writes `?discussion=` while a thread is open; for the one page-level button. */
  syncUrl?: boolean;
  canWrite?: boolean;
  defaultSubject?: ThreadSubject;
}) {
  const [open, setOpen] = useState(Boolean(initialThreadId));
  const [view, setView] = useState<PanelView>(initialThreadId ? { kind: "thread", id: initialThreadId } : { kind: "list" });
  const showView = (next: PanelView) => {
    setView(next);
    if (syncUrl) syncAddress(next.kind === "thread" ? next.id : null);
  };
  const [created, setCreated] = useState(0);
  const shown = (count ?? 0) + created;
  const suffix = shown ? ` (${shown})` : "";

  return (
    <Sheet
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) showView({ kind: "list" });
      }}
    >
      <SheetTrigger asChild>
        {variant === "icon" ? (
          <Button variant="ghost" size="sm" className="h-8 gap-1 px-2 text-muted-foreground" aria-label={`Discussions${label ? ` – ${label}` : ""}${suffix}`}>
            <MessageSquare className="size-4" aria-hidden="true" />
            {shown ? <span className="tabular text-xs">{shown}</span> : null}
          </Button>
        ) : (
          <Button variant="outline" size="sm">
            <MessageSquare className="size-4" aria-hidden="true" />
            Discussions{suffix}
          </Button>
        )}
      </SheetTrigger>
      <SheetContent
        side="right"
        className="w-full gap-4 p-5 sm:w-[30rem]"
        // Escape first closes the @ suggestions of the message box (it names their list while open).
        onEscapeKeyDown={(event) => (event.target as HTMLElement | null)?.getAttribute("aria-controls") && event.preventDefault()}
      >
        <div className="space-y-1 pr-10">
          <SheetTitle>Discussions</SheetTitle>
          <SheetDescription>{label ?? "Échanges internes, invisibles du client."}</SheetDescription>
        </div>
        {open && <ThreadsPanel target={target} view={view} onView={showView} canWrite={canWrite} defaultSubject={defaultSubject} onCreated={() => setCreated((n) => n + 1)} />}
      </SheetContent>
    </Sheet>
  );
}
