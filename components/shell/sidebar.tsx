"use client";

import { BellRing, Building2, FileText, FileUp, Home, ListTodo, PanelLeftClose, PanelLeftOpen, Scale, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cn } from "@/lib/utils";
import { Logo } from "./logo";
import type { MenuIcon } from "./menu";

const icons: Record<MenuIcon, typeof Home> = { home: Home, clients: Building2, documents: FileText, disputes: Scale, relance: BellRing, import: FileUp, settings: Settings, tasks: ListTodo };

export type Item = { href: string; label: string; icon: MenuIcon };

/** The menu's links, in the side bar on wide screens and in the drawer on phones and tablets. */
export function NavLinks({ items, collapsed = false, onNavigate }: { items: Item[]; collapsed?: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Menu principal" className="flex-1 space-y-1 px-2 py-4">
      {items.map((item) => {
        const Icon = icons[item.icon];
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            onClick={onNavigate}
            title={collapsed ? item.label : undefined}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium outline-none transition-colors pointer-coarse:min-h-11",
              "hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-2 focus-visible:ring-sidebar-ring",
              active ? "bg-sidebar-accent text-sidebar-accent-foreground" : "text-sidebar-foreground/80",
            )}
          >
            <Icon className="size-5 shrink-0" aria-hidden="true" />
            <span className={cn(collapsed && "sr-only")}>{item.label}</span>
          </Link>
        );
      })}
    </nav>
  );
}

export function Sidebar({ items, initiallyCollapsed }: { items: Item[]; initiallyCollapsed: boolean }) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);

  function toggle() {
    const next = !collapsed;
    setCollapsed(next);
    document.cookie = `sidebar=${next ? "collapsed" : "open"}; path=/; max-age=31536000; samesite=lax`;
  }

  return (
    <aside
      className={cn(
        // Below 1 024 px the menu lives in the drawer of the header (MobileNav).
        "hidden shrink-0 bg-sidebar text-sidebar-foreground transition-[width] duration-200 lg:block",
        collapsed ? "w-16" : "w-60",
      )}
    >
      <div className="sticky top-0 flex h-screen flex-col">
        <div className="flex h-14 items-center px-4">
          <Logo compact={collapsed} />
        </div>
        <NavLinks items={items} collapsed={collapsed} />
        <button
          type="button"
          onClick={toggle}
          className="m-2 flex items-center gap-3 rounded-md px-3 py-2 text-sm text-sidebar-foreground/70 outline-none hover:bg-sidebar-accent focus-visible:ring-2 focus-visible:ring-sidebar-ring"
        >
          {collapsed ? <PanelLeftOpen className="size-5" aria-hidden="true" /> : <PanelLeftClose className="size-5" aria-hidden="true" />}
          {/* The visible words are the button's name (WCAG 2.5.3); folded, the menu shows no words and says it to screen readers. */}
          <span className={cn(collapsed && "sr-only")}>{collapsed ? "Déplier le menu" : "Réduire le menu"}</span>
        </button>
      </div>
    </aside>
  );
}
