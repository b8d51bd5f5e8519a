"use client";

import { ArrowDown, ArrowUp, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { deleteGroupAction, moveGroupAction } from "@/app/(app)/relance/(configuration)/groupes/actions";
import { ActionDialog } from "@/components/forms/action-dialog";
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
      <Button variant="ghost" size="icon" asChild>
        <Link href={`/relance/groupes/${id}`} aria-label={`Modifier « ${name} »`} title="Modifier">
          <Pencil aria-hidden="true" />
        </Link>
      </Button>
      <ActionDialog
        trigger={
          <Button variant="ghost" size="icon" aria-label={`Supprimer « ${name} »`} title="Supprimer">
            <Trash2 aria-hidden="true" />
          </Button>
        }
        title={`Supprimer le groupe « ${name} » ?`}
        description="Ses clients rejoindront le premier autre groupe dont ils remplissent les critères, ou resteront sans groupe."
        submitLabel="Supprimer"
        destructive
        action={deleteGroupAction}
      >
        <input type="hidden" name="id" value={id} />
      </ActionDialog>
      {error && (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      )}
    </div>
  );
}
