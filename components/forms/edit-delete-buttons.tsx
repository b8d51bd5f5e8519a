"use client";

import { Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { ActionDialog } from "@/components/forms/action-dialog";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";

/** « Modifier » (a link to the editor) and « Supprimer » (a confirmation dialog posting `id`) for one row of a list. */
export function EditDeleteButtons({
  id,
  name,
  editHref,
  deleteTitle,
  deleteDescription,
  deleteAction,
}: {
  id: string;
  name: string;
  editHref: string;
  deleteTitle: string;
  deleteDescription: string;
  deleteAction: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
}) {
  return (
    <>
      <Button variant="ghost" size="icon" asChild>
        <Link href={editHref} aria-label={`Modifier « ${name} »`} title="Modifier">
          <Pencil aria-hidden="true" />
        </Link>
      </Button>
      <ActionDialog
        trigger={
          <Button variant="ghost" size="icon" aria-label={`Supprimer « ${name} »`} title="Supprimer">
            <Trash2 aria-hidden="true" />
          </Button>
        }
        title={deleteTitle}
        description={deleteDescription}
        submitLabel="Supprimer"
        destructive
        action={deleteAction}
      >
        <input type="hidden" name="id" value={id} />
      </ActionDialog>
    </>
  );
}
