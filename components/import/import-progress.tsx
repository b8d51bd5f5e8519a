"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

type Status = { status: string; rowsRead: number; rowsTotal: number | null };

/** Follows a running import (the page can be left and come back to) and shows the result when it ends. */
export function ImportProgress({ importId, fileName, initial }: { importId: string; fileName: string; initial: Status }) {
  const router = useRouter();
  const [state, setState] = useState(initial);

  useEffect(() => {
    // One request at a time: while a large import holds the database, a reply can take longer than the interval.
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    async function poll() {
      try {
        const response = await fetch(`/api/imports/${importId}/status`, { cache: "no-store" });
        if (response.ok && !stopped) {
          const next: Status = await response.json();
          setState(next);
          if (next.status !== "running" && next.status !== "pending") {
            router.refresh();
            return;
          }
        }
      } catch {
        // The server is busy or restarting: ask again.
      }
      if (!stopped) timer = setTimeout(poll, 1000);
    }
    timer = setTimeout(poll, 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [importId, router]);

  const total = state.rowsTotal && state.rowsTotal > 0 ? state.rowsTotal : null;
  const percent = total ? Math.min(100, Math.round((state.rowsRead / total) * 100)) : null;
  const saving = total !== null && state.rowsRead >= total - 1;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Import en cours : {fileName}</CardTitle>
        <CardDescription>
          {saving
            ? "Lecture terminée, enregistrement en base…"
            : `${state.rowsRead.toLocaleString("fr-FR")} ligne(s) lue(s)${total ? ` sur ${total.toLocaleString("fr-FR")}` : ""}. Vous pouvez quitter cette page : l'import continue.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <div
          role="progressbar"
          aria-label="Progression de l'import"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          className="h-3 w-full overflow-hidden rounded-full bg-muted"
        >
          <div
            className={percent === null || saving ? "h-full w-1/3 animate-pulse rounded-full bg-primary" : "h-full rounded-full bg-primary transition-[width]"}
            style={percent === null || saving ? undefined : { width: `${percent}%` }}
          />
        </div>
      </CardContent>
    </Card>
  );
}
