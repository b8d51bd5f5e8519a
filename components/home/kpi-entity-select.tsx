"use client";

import { useRouter, useSearchParams } from "next/navigation";

/** Narrows the home indicators to one société (`?societe=`), for managers and admins. */
export function KpiEntitySelect({ entities, value }: { entities: { id: string; name: string }[]; value: string | null }) {
  const router = useRouter();
  const params = useSearchParams();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-muted-foreground">Société</span>
      <select
        className="h-9 rounded-md border border-input bg-background px-2 text-sm shadow-xs"
        value={value ?? ""}
        onChange={(event) => {
          const next = new URLSearchParams(params);
          if (event.target.value) next.set("societe", event.target.value);
          else next.delete("societe");
          const query = next.toString();
          router.push(query ? `/?${query}` : "/");
        }}
      >
        <option value="">Toutes</option>
        {entities.map((entity) => (
          <option key={entity.id} value={entity.id}>
            {entity.name}
          </option>
        ))}
      </select>
    </label>
  );
}
