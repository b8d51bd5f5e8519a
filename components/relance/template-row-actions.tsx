"use client";

import { Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { deleteTemplateAction } from "@/app/(app)/relance/(configuration)/modeles/actions";
import { ActionDialog } from "@/components/forms/action-dialog";
import { Button } from "@/components/ui/button";

/** Modifier / Supprimer for one template of the list. */
export function TemplateRowActions({ id, name, usedBy }: { id: string; name: string; usedBy: string[] }) {
  return (
    <div className="flex items-center justify-end gap-1">
      <Button variant="ghost" size="icon" asChild>
        <Link href={`/relance/modeles/${id}`} aria-label={`Modifier « ${name} »`} title="Modifier">
          <Pencil aria-hidden="true" />
        </Link>
      </Button>
      <ActionDialog
        trigger={
          <Button variant="ghost" size="icon" aria-label={`Supprimer « ${name} »`} title="Supprimer">
            <Trash2 aria-hidden="true" />
          </Button>
        }
        title={`Supprimer le modèle « ${name} » ?`}
        description={
          usedBy.length > 0
            ? "Ce modèle est utilisé par un scénario : il faut d'abord le retirer de ses étapes."
            : "Le modèle sera définitivement supprimé. Les relances déjà envoyées gardent leur contenu."
        }
        submitLabel="Supprimer"
        destructive
        action={deleteTemplateAction}
      >
        <input type="hidden" name="id" value={id} />
      </ActionDialog>
    </div>
  );
}
