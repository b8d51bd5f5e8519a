"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useActionState, useState } from "react";
import { markNotificationsReadAction } from "@/app/(app)/actions";
import { openNotificationAction } from "@/app/(app)/notifications/actions";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { formatDateTime } from "@/lib/format/fr";
import { cn } from "@/lib/utils";
import { type BellItem, useLiveNotifications } from "./use-live-notifications";

export function NotificationsBell({ items, unread }: { items: BellItem[]; unread: number }) {
  const [, markRead, pending] = useActionState(markNotificationsReadAction, null);
  const [open, setOpen] = useState(false);
  // The layout's props are the truth after a navigation; the live stream updates them in between.
  const [fromLayout, setFromLayout] = useState({ items, unread });
  const [content, setContent] = useState({ items, unread });
  const [announcement, setAnnouncement] = useState("");
  if (fromLayout.items !== items || fromLayout.unread !== unread) {
    setFromLayout({ items, unread });
    setContent({ items, unread });
  }
  useLiveNotifications(
    (next) => setContent({ items: next.items, unread: next.unread }),
    (item) => setAnnouncement(`Nouvelle notification : ${item.title}`),
  );

  return (
    <>
      {/* A live region without role="status": the page's own status messages stay the only ones. */}
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </p>
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button variant="ghost" size="icon" className="relative" aria-label={`Notifications (${content.unread} non lues)`}>
            <Bell className="size-5" />
            {content.unread > 0 && (
              <span className="absolute right-1 top-1 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold text-destructive-foreground">
                {content.unread > 99 ? "99+" : content.unread}
              </span>
            )}
          </Button>
        </PopoverTrigger>
        <PopoverContent align="end" className="w-80 p-0" aria-label="Notifications">
          <div className="flex items-center justify-between border-b px-4 py-3">
            <p className="text-sm font-semibold">Notifications</p>
            {content.unread > 0 && (
              <form action={markRead}>
                <Button type="submit" variant="link" size="sm" className="h-auto p-0" disabled={pending}>
                  Tout marquer comme lu
                </Button>
              </form>
            )}
          </div>
          {content.items.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-muted-foreground">Aucune notification pour le moment.</p>
          ) : (
            <ul className="max-h-96 divide-y overflow-y-auto">
              {content.items.map((item) => (
                <li key={item.id}>
                  <form action={openNotificationAction} onSubmit={() => setOpen(false)}>
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" className="block w-full px-4 py-3 text-left outline-none hover:bg-accent focus-visible:bg-accent">
                      <span className={cn("block text-sm", !item.readAt && "font-semibold")}>{item.title}</span>
                      {item.body && <span className="block text-xs text-muted-foreground">{item.body}</span>}
                      <span className="mt-1 block text-xs text-muted-foreground">{formatDateTime(item.createdAt)}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <div className="border-t px-4 py-2 text-center">
            <Link href="/notifications" className="text-sm font-medium text-primary underline-offset-4 hover:underline" onClick={() => setOpen(false)}>
              Tout voir
            </Link>
          </div>
        </PopoverContent>
      </Popover>
    </>
  );
}
