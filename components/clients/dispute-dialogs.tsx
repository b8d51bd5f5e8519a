"use client";

import { Flag, FlagOff } from "lucide-react";
import { closeDisputeAction, flagDisputeAction } from "@/app/(app)/clients/[id]/actions";
import { ActionDialog } from "@/components/forms/action-dialog";
import { Field } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type Doc = { id: number; number: string; disputeReason?: string | null };

export function FlagDisputeDialog({ clientId, doc }: { clientId: string; doc: Doc }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="ghost" size="icon" className="size-7" aria-label={`Marquer ${doc.number} en litige`} title="Marquer en litige">
          <Flag className="size-3.5" />
        </Button>
      }
      title={`Mettre ${doc.number} en litige`}
      description="Une pièce en litige ne fait plus l'objet de relances automatiques tant que le litige n'est pas levé."
      submitLabel="Marquer en litige"
      action={flagDisputeAction}
    >
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="documentId" value={doc.id} />
      <Field name="reason" label="Motif du litige">
        {(p) => <Input {...p} placeholder="Ex. : marchandise non conforme" required minLength={3} maxLength={200} />}
      </Field>
    </ActionDialog>
  );
}

export function CloseDisputeDialog({ clientId, doc }: { clientId: string; doc: Doc }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="ghost" size="icon" className="size-7" aria-label={`Lever le litige sur ${doc.number}`} title="Lever le litige">
          <FlagOff className="size-3.5" />
        </Button>
      }
      title={`Lever le litige sur ${doc.number}`}
      description={`La pièce sera de nouveau relancée.${doc.disputeReason ? ` Motif du litige : ${doc.disputeReason}` : ""}`}
      submitLabel="Lever le litige"
      action={closeDisputeAction}
    >
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="documentId" value={doc.id} />
    </ActionDialog>
  );
}
