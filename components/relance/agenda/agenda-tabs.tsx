import Link from "next/link";
import type { AgendaCounts, AgendaTab } from "@/db/queries/agenda";
import { formatInteger } from "@/lib/format/fr";
import { cn } from "@/lib/utils";

export const agendaTabs: { tab: AgendaTab; href: string; label: string }[] = [
  { tab: "manual", href: "/relance", label: "Actions manuelles" },
  { tab: "automatic", href: "/relance/automatiques", label: "Relances automatiques" },
  { tab: "history", href: "/relance/historique", label: "Historique" },
];

export const tabHref = (tab: AgendaTab) => agendaTabs.find((t) => t.tab === tab)!.href;

/** Tabs without counters; the charts follow the agenda's filters, the others have their own. */
const otherTabs = [
  { tab: "charts", href: "/relance/graphiques", label: "Graphiques", filtered: true },
  { tab: "comments", href: "/relance/commentaires", label: "Réponses & commentaires", filtered: false },
  { tab: "alerts", href: "/relance/alertes", label: "Alertes", filtered: false },
] as const;
export type OtherTab = (typeof otherTabs)[number]["tab"];

const tabClass = (active: boolean) =>
  cn(
    "-mb-px flex items-center gap-2 border-b-2 px-4 py-2 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-2 focus-visible:ring-ring",
    active ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
  );

/**
 * The agenda tabs; the first three carry the filters so they stay applied from one tab to the next, with their
 * counters when the page has them.
 */
export function AgendaTabs({ current, counts, query = "" }: { current: AgendaTab | OtherTab; counts?: AgendaCounts; query?: string }) {
  return (
    // Positioned, so its screen-reader-only labels scroll with the tabs instead of widening the page on a phone.
    <nav aria-label="Agenda de relance" className="relative flex gap-1 overflow-x-auto border-b">
      {agendaTabs.map(({ tab, href, label }) => {
        const active = tab === current;
        return (
          <Link
            key={tab}
            href={query ? `${href}?${query}` : href}
            aria-current={active ? "page" : undefined}
            className={tabClass(active)}
          >
            {label}
            {tab !== "history" && counts && (
              <span className="flex items-center gap-1">
                <span
                  className="rounded-full bg-muted px-2 py-0.5 text-xs tabular-nums text-muted-foreground"
                  title="Actions programmées"
                  data-counter="total"
                >
                  <span className="sr-only">Programmées : </span>
                  {formatInteger(counts[tab].total)}
                </span>
                <span
                  className={cn("rounded-full px-2 py-0.5 text-xs tabular-nums", counts[tab].due ? "bg-destructive text-white" : "bg-muted text-muted-foreground")}
                  title="À réaliser : en retard, à confirmer ou en erreur"
                  data-counter="due"
                >
                  <span className="sr-only">À réaliser : </span>
                  {formatInteger(counts[tab].due)}
                </span>
              </span>
            )}
          </Link>
        );
      })}
      {otherTabs.map(({ tab, href, label, filtered }) => (
        <Link key={tab} href={filtered && query ? `${href}?${query}` : href} aria-current={tab === current ? "page" : undefined} className={tabClass(tab === current)}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
