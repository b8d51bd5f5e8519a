import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/clients/pagination";
import { DigestForm } from "@/components/notifications/digest-form";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getNotificationDigest } from "@/db/queries/notification-digest";
import { listMyNotifications, type NotificationOrder } from "@/db/queries/notification-feed";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, formatInteger } from "@/lib/format/fr";
import { cn } from "@/lib/utils";
import { markAllReadAction, openNotificationAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const PAGE_SIZE = 25;

function FilterLink({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn("rounded-md px-3 py-1.5 text-sm font-medium", current ? "bg-secondary text-foreground" : "text-muted-foreground hover:text-foreground")}
    >
      {children}
    </Link>
  );
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, scope } = await requireUser("notifications.read");
  const params = await searchParams;
  const unreadOnly = params.filtre === "non-lues";
  const order: NotificationOrder = params.ordre === "date" ? "date" : "unread";
  const page = Math.max(1, Number.parseInt(String(params.page ?? "1"), 10) || 1);
  const [{ rows, total }, digest] = await Promise.all([
    listMyNotifications(db, scope.userId, { unreadOnly, order, page, pageSize: PAGE_SIZE }),
    getNotificationDigest(db, scope.userId),
  ]);
  const query = (changes: Record<string, string>) => {
    const next = { filtre: unreadOnly ? "non-lues" : "", ordre: order === "date" ? "date" : "", ...changes };
    const search = new URLSearchParams(Object.entries(next).filter(([, v]) => v)).toString();
    return `/notifications${search ? `?${search}` : ""}`;
  };
  const back = query(page > 1 ? { page: String(page) } : {});

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Notifications</h1>
          <p className="text-sm text-muted-foreground">
            {formatInteger(total)} notification{total > 1 ? "s" : ""}
            {unreadOnly ? ` non lue${total > 1 ? "s" : ""}` : ""}
          </p>
        </div>
        <form action={markAllReadAction}>
          <Button type="submit" variant="outline" size="sm">
            Tout marquer comme lu
          </Button>
        </form>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <nav aria-label="Filtre" className="flex gap-1">
          <FilterLink href={query({ filtre: "" })} current={!unreadOnly}>
            Toutes
          </FilterLink>
          <FilterLink href={query({ filtre: "non-lues" })} current={unreadOnly}>
            Non lues
          </FilterLink>
        </nav>
        <nav aria-label="Ordre" className="flex gap-1">
          <FilterLink href={query({ ordre: "" })} current={order === "unread"}>
            Non lues d&apos;abord
          </FilterLink>
          <FilterLink href={query({ ordre: "date" })} current={order === "date"}>
            Par date
          </FilterLink>
        </nav>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={unreadOnly ? "Aucune notification non lue." : "Aucune notification pour le moment."} />
      ) : (
        <ul className="divide-y rounded-lg border bg-card">
          {rows.map((n) => (
            <li key={n.id}>
              <form action={openNotificationAction}>
                <input type="hidden" name="id" value={n.id} />
                <input type="hidden" name="back" value={back} />
                <button type="submit" className="flex w-full items-start gap-3 px-4 py-3 text-left outline-none hover:bg-accent focus-visible:bg-accent">
                  <span
                    aria-hidden="true"
                    className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.readAt ? "bg-transparent" : "bg-primary")}
                  />
                  <span className="min-w-0 flex-1">
                    <span className={cn("block text-sm", !n.readAt && "font-semibold")}>
                      {n.title}
                      {!n.readAt && <span className="sr-only"> (non lue)</span>}
                    </span>
                    {n.body && <span className="block text-sm text-muted-foreground">{n.body}</span>}
                    <span className="mt-1 block text-xs text-muted-foreground">{formatDateTime(n.createdAt)}</span>
                  </span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageSize={PAGE_SIZE}
        total={total}
        params={{ filtre: unreadOnly ? "non-lues" : "", ordre: order === "date" ? "date" : "" }}
      />
      <section aria-labelledby="digest-title" className="space-y-3 rounded-lg border bg-card p-4">
        <h2 id="digest-title" className="text-base font-semibold">
          Résumé par e-mail
        </h2>
        <DigestForm on={digest} />
      </section>
    </div>
  );
}
