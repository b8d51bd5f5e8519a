"use client";

import { Search, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { searchPreviewClientsAction } from "@/app/(app)/relance/(configuration)/modeles/actions";
import { Button } from "@/components/ui/button";
import type { ClientSuggestion } from "@/db/queries/clients";

export type PreviewClient = { id: string; code: string; name: string };

/** Picks the client a preview is rendered for, among the user's clients, by code or raison sociale. */
export function TemplatePreviewClient({ value, onChange }: { value: PreviewClient | null; onChange: (client: PreviewClient | null) => void }) {
  const id = useId();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<ClientSuggestion[] | null>(null);

  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await searchPreviewClientsAction(null, { q: term });
      if (current) setResults(result.ok ? result.data : []);
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);

  if (value) {
    return (
      <div className="flex items-center gap-2 rounded-md border bg-muted/40 px-3 py-1.5 text-sm">
        <span className="min-w-0 flex-1 truncate">
          <span className="font-medium">{value.name}</span> <span className="text-muted-foreground">· {value.code}</span>
        </span>
        <Button variant="ghost" size="sm" className="h-7 px-2" onClick={() => onChange(null)} aria-label="Changer de client">
          <X aria-hidden="true" /> Changer
        </Button>
      </div>
    );
  }

  const shown = q.trim().length >= 2 ? results : null;
  return (
    <div className="space-y-1">
      <div className="relative">
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
        <input
          id={id}
          type="search"
          aria-label="Client de l'aperçu"
          placeholder="Code client ou raison sociale…"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-controls={`${id}-results`}
          className="h-9 w-full rounded-md border border-input bg-background pl-9 pr-3 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring"
        />
      </div>
      <div id={`${id}-results`} aria-live="polite">
        {shown && shown.length === 0 && <p className="px-1 py-2 text-sm text-muted-foreground">Aucun client ne correspond.</p>}
        {shown && shown.length > 0 && (
          <ul className="max-h-64 overflow-y-auto rounded-md border bg-popover p-1 shadow-sm" aria-label="Clients trouvés">
            {shown.map((client) => (
              <li key={client.id}>
                <button
                  type="button"
                  onClick={() => {
                    onChange({ id: client.id, code: client.code, name: client.name });
                    setQ("");
                    setResults(null);
                  }}
                  className="flex w-full items-baseline gap-2 rounded px-2 py-1.5 text-left text-sm outline-none hover:bg-accent focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <span className="font-medium">{client.name}</span>
                  <span className="text-xs text-muted-foreground">
                    {client.code}
                    {client.city ? ` · ${client.city}` : ""}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
