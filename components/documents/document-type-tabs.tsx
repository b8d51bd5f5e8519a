import Link from "next/link";
import type { DocumentSearch } from "@/lib/documents/filters";
import { searchToParams } from "@/lib/search-params";
import { cn } from "@/lib/utils";

/**
 * What the Pièces list reads: invoices, credit notes, cash not yet lettered, or everything. Each choice keeps the
 * other filters and goes back to the first page.
 */
export function DocumentTypeTabs({ search }: { search: DocumentSearch }) {
  const tabs = [
    { type: "invoice", label: "Factures" },
    { type: "credit_note", label: "Avoirs" },
    { type: "payment", label: search.status === "settled" ? "Règlements" : "Règlements non lettrés" },
    { type: "all", label: "Tous types" },
  ] as const;
  return (
    <nav aria-label="Type de pièce" className="inline-flex flex-wrap rounded-md border bg-card p-0.5 text-sm">
      {tabs.map((tab) => {
        const current = search.type === tab.type;
        const params = new URLSearchParams(searchToParams({ ...search, type: tab.type === "invoice" ? undefined : tab.type }));
        return (
          <Link
            key={tab.type}
            href={`/pieces${params.size ? `?${params}` : ""}`}
            aria-current={current ? "page" : undefined}
            className={cn(
              "rounded px-3 py-1.5 outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring",
              current ? "bg-primary font-medium text-primary-foreground" : "text-muted-foreground hover:bg-accent hover:text-foreground",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
