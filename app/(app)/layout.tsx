import { cookies } from "next/headers";
import { NotificationsBell } from "@/components/shell/notifications-bell";
import { menuItems } from "@/components/shell/menu";
import { MobileNav } from "@/components/shell/mobile-nav";
import { QuickSearch } from "@/components/shell/quick-search";
import { Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { listNotifications } from "@/db/queries/notifications";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { db, scope, user } = await requireUser();
  const [notifications, cookieStore] = await Promise.all([listNotifications(db, scope.userId), cookies()]);
  const items = menuItems
    .filter((item) => can(scope.role, item.permission))
    .map(({ href, label, icon }) => ({ href, label, icon }));

  return (
    <div className="flex min-h-screen">
      <a
        href="#contenu"
        className="sr-only z-50 rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Aller au contenu
      </a>
      <Sidebar items={items} initiallyCollapsed={cookieStore.get("sidebar")?.value === "collapsed"} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur sm:gap-4 sm:px-6">
          <MobileNav items={items} />
          {can(scope.role, "clients.read") && <QuickSearch />}
          <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
            <NotificationsBell items={notifications.rows} unread={notifications.unread} />
            <UserMenu user={user} />
          </div>
        </header>
        <main id="contenu" tabIndex={-1} className="min-w-0 flex-1 px-4 py-4 outline-none sm:px-6 sm:py-6">
          {children}
        </main>
      </div>
    </div>
  );
}
