"use client";

import { Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { deleteAlertAction } from "@/app/(app)/relance/(agenda)/alertes/actions";
import { ActionDialog } from "@/components/forms/action-dialog";
import { Button } from "@/components/ui/button";

export function AlertRowActions({ id, name }: { id: string; name: string }) {
  return (
    <div className="flex items-center gap-1">
      <Button variant="ghost" size="icon" asChild>
        <Link href={`/relance/alertes/${id}`} aria-label={`Modifier « ${name} »`} title="Modifier">
          <Pencil aria-hidden="true" />
        </Link>
      </Button>
      <ActionDialog
        trigger={
          <Button variant="ghost" size="icon" aria-label={`Supprimer « ${name} »`} title="Supprimer">
            <Trash2 aria-hidden="true" />
          </Button>
        }
        title={`Supprimer l'alerte « ${name} » ?`}
        description="Les clients concernés ne seront plus signalés."
        submitLabel="Supprimer"
        destructive
        action={deleteAlertAction}
      >
        <input type="hidden" name="id" value={id} />
      </ActionDialog>
    </div>
  );
}
