"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useState, useTransition } from "react";
import { deleteGroupAction, moveGroupAction } from "@/app/(app)/relance/(configuration)/groupes/actions";
import { EditDeleteButtons } from "@/components/forms/edit-delete-buttons";
import { Button } from "@/components/ui/button";

/** Monter / Descendre / Modifier / Supprimer for one group of the list. */
export function GroupRowActions({ id, name, first, last }: { id: string; name: string; first: boolean; last: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const move = (direction: "up" | "down") =>
    startTransition(async () => {
      const result = await moveGroupAction(null, { id, direction });
      setError(result.ok ? null : result.error);
    });

  return (
    <div className="flex items-center justify-end gap-1">
      <Button variant="ghost" size="icon" aria-label={`Monter « ${name} »`} title="Monter" disabled={first || pending} onClick={() => move("up")}>
        <ArrowUp aria-hidden="true" />
      </Button>
      <Button variant="ghost" size="icon" aria-label={`Descendre « ${name} »`} title="Descendre" disabled={last || pending} onClick={() => move("down")}>
        <ArrowDown aria-hidden="true" />
      </Button>
      <EditDeleteButtons
        id={id}
        name={name}
        editHref={`/relance/groupes/${id}`}
        deleteTitle={`Supprimer le groupe « ${name} » ?`}
        deleteDescription="Ses clients rejoindront le premier autre groupe dont ils remplissent les critères, ou resteront sans groupe."
        deleteAction={deleteGroupAction}
      />
      {error && (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      )}
    </div>
  );
}
