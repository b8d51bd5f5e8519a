"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useActionState } from "react";
import { markNotificationsReadAction } from "@/app/(app)/actions";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { formatDateTime } from "@/lib/format/fr";
import { cn } from "@/lib/utils";

type Item = { id: string; title: string; body: string | null; link: string | null; readAt: Date | null; createdAt: Date };

export function NotificationsBell({ items, unread }: { items: Item[]; unread: number }) {
  const [, markRead, pending] = useActionState(markNotificationsReadAction, null);
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={`Notifications (${unread} non lues)`}>
          <Bell className="size-5" />
          {unread > 0 && (
            <span className="absolute right-1 top-1 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold text-destructive-foreground">
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-0" aria-label="Notifications">
        <div className="flex items-center justify-between border-b px-4 py-3">
          <p className="text-sm font-semibold">Notifications</p>
          {unread > 0 && (
            <form action={markRead}>
              <Button type="submit" variant="link" size="sm" className="h-auto p-0" disabled={pending}>
                Tout marquer comme lu
              </Button>
            </form>
          )}
        </div>
        {items.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-muted-foreground">Aucune notification pour le moment.</p>
        ) : (
          <ul className="max-h-96 divide-y overflow-y-auto">
            {items.map((item) => {
              const content = (
                <>
                  <p className={cn("text-sm", !item.readAt && "font-semibold")}>{item.title}</p>
                  {item.body && <p className="text-xs text-muted-foreground">{item.body}</p>}
                  <p className="mt-1 text-xs text-muted-foreground">
                    {formatDateTime(item.createdAt)}
                  </p>
                </>
              );
              return (
                <li key={item.id} className="px-4 py-3 hover:bg-accent">
                  {item.link ? <Link href={item.link}>{content}</Link> : content}
                </li>
              );
            })}
          </ul>
        )}
      </PopoverContent>
    </Popover>
  );
}
