"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const tabs = [
  { href: "/parametrage/utilisateurs", label: "Utilisateurs et portefeuilles" },
  { href: "/parametrage/traitements", label: "Traitements planifiés" },
];

export function SettingsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections du paramétrage" className="flex gap-1 border-b">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={pathname.startsWith(tab.href) ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-4 py-2 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring",
            pathname.startsWith(tab.href)
              ? "border-primary text-foreground"
              : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
