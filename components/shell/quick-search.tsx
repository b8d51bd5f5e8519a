"use client";

import { Search, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { ClientSuggestion } from "@/db/queries/clients";
import { cn } from "@/lib/utils";

type Results = { rows: ClientSuggestion[]; total: number };

/** Search a client by code or raison sociale; suggestions narrow as one types, "Voir plus" opens the list. */
export function QuickSearch() {
  const router = useRouter();
  const listId = useId();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<Results | null>(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  // On a phone the field is a magnifier until tapped, then covers the header.
  const [expanded, setExpanded] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Tapping the magnifier means "I want to type": the field takes the focus as it appears.
  useEffect(() => {
    if (expanded) inputRef.current?.focus();
  }, [expanded]);

  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/clients/search?q=${encodeURIComponent(term)}`, { signal: controller.signal });
        if (response.ok) {
          setResults(await response.json());
          setActive(-1);
          setOpen(true);
        }
      } catch {
        // An aborted request means the user typed again; the next one answers.
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, []);

  const rows = results?.rows ?? [];
  const showMore = (results?.total ?? 0) > rows.length;
  const optionCount = rows.length + (showMore ? 1 : 0);

  function go(index: number) {
    setOpen(false);
    setExpanded(false);
    if (index >= 0 && index < rows.length) router.push(`/clients/${rows[index].id}`);
    else router.push(`/clients?q=${encodeURIComponent(q.trim())}`);
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % Math.max(optionCount, 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => (i <= 0 ? optionCount - 1 : i - 1));
    } else if (event.key === "Enter" && q.trim()) {
      event.preventDefault();
      go(active);
    } else if (event.key === "Escape") {
      if (!open) setExpanded(false);
      setOpen(false);
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={() => setExpanded(true)}
        aria-label="Rechercher un client"
        className={cn("flex size-11 items-center justify-center rounded-md hover:bg-accent sm:hidden", expanded && "hidden")}
      >
        <Search className="size-5" aria-hidden="true" />
      </button>
      <div
        ref={boxRef}
        className={cn(
          "relative w-full max-w-md max-sm:hidden",
          expanded && "max-sm:absolute max-sm:inset-x-2 max-sm:top-2 max-sm:z-50 max-sm:flex max-sm:max-w-none max-sm:gap-1 max-sm:bg-background",
        )}
      >
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
        <input
            ref={inputRef}
          type="search"
          role="combobox"
          aria-label="Rechercher un client"
          aria-expanded={open && results !== null}
          aria-controls={listId}
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          placeholder="Rechercher un client (code, raison sociale)…"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            if (e.target.value.trim().length < 2) setResults(null);
          }}
          onFocus={() => results && setOpen(true)}
          onKeyDown={onKeyDown}
          className="h-10 w-full rounded-md border border-input bg-background pl-9 pr-3 text-base outline-none focus-visible:ring-2 focus-visible:ring-ring sm:h-9 sm:text-sm"
        />
        {expanded && (
          <button
            type="button"
            onClick={() => {
              setExpanded(false);
              setOpen(false);
            }}
            aria-label="Fermer la recherche"
            className="flex size-10 shrink-0 items-center justify-center rounded-md hover:bg-accent sm:hidden"
          >
            <X className="size-5" aria-hidden="true" />
          </button>
        )}
        {open && results && (
          <ul
            id={listId}
            role="listbox"
            aria-label="Clients trouvés"
            className="absolute top-full z-50 mt-1 w-full overflow-hidden rounded-md border bg-popover text-popover-foreground shadow-lg"
          >
            {rows.length === 0 && <li className="px-3 py-2 text-sm text-muted-foreground">Aucun client trouvé.</li>}
            {rows.map((row, i) => (
              <li
                key={row.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={active === i}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(i)}
                className={cn("cursor-pointer px-3 py-2 text-sm pointer-coarse:py-3", active === i && "bg-accent text-accent-foreground")}
              >
                <span className="font-medium">{row.name}</span>
                <span className="ml-2 text-xs text-muted-foreground">
                  {row.code}
                  {row.city ? ` · ${row.city}` : ""}
                </span>
              </li>
            ))}
            {showMore && (
              <li
                id={`${listId}-${rows.length}`}
                role="option"
                aria-selected={active === rows.length}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(rows.length)}
                className={cn(
                  "cursor-pointer border-t px-3 py-2 text-sm font-medium text-primary",
                  active === rows.length && "bg-accent",
                )}
              >
                Voir plus ({results.total.toLocaleString("fr-FR")} résultats)
              </li>
            )}
          </ul>
        )}
      </div>
    </>
  );
}
