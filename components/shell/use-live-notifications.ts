"use client";

import { useEffect, useRef } from "react";

export type BellItem = { id: string; title: string; body: string | null; link: string | null; readAt: Date | string | null; createdAt: Date | string };
export type BellContent = { unread: number; latestId: string | null; items: BellItem[] };

const POLL_MS = 15_000;

/**
 * Keeps the bell current without reloading: listens to the server's event stream and, when the unread count or
 * the newest unread notification changes, fetches the bell's content. Without EventSource, or once the stream is
 * refused (signed out, proxy), it polls the same JSON instead. `onNew` gets a notification that just arrived.
 */
export function useLiveNotifications(onContent: (content: BellContent) => void, onNew: (item: BellItem) => void) {
  const handlers = useRef({ onContent, onNew });
  useEffect(() => {
    handlers.current = { onContent, onNew };
  });

  useEffect(() => {
    let latest: string | null | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let source: EventSource | undefined;

    const refresh = async () => {
      const response = await fetch("/api/notifications", { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return;
      const content = (await response.json()) as BellContent;
      handlers.current.onContent(content);
      // The first answer is the baseline: only a later newest unread notification is news.
      if (latest !== undefined && content.latestId && content.latestId !== latest) {
        const item = content.items.find((i) => i.id === content.latestId);
        if (item) handlers.current.onNew(item);
      }
      latest = content.latestId;
    };
    const poll = () => {
      if (!timer) timer = setInterval(refresh, POLL_MS);
    };

    if (typeof EventSource === "undefined") {
      poll();
    } else {
      source = new EventSource("/api/notifications/stream");
      source.addEventListener("notifications", () => void refresh());
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) poll();
      };
    }
    return () => {
      source?.close();
      clearInterval(timer);
    };
  }, []);
}
