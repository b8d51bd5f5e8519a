"use client";

import { ActionDialog } from "@/components/forms/action-dialog";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";

type RevokeAction = (previous: ActionResult<undefined> | null, form: FormData) => Promise<ActionResult<undefined>>;

export function RevokeApiKeyButton({ keyId, name, prefix, action }: { keyId: string; name: string; prefix: string; action: RevokeAction }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Révoquer la clé ${name}`}>
          Révoquer
        </Button>
      }
      title={`Révoquer la clé « ${name} » ?`}
      description={`Les appels faits avec ${prefix}… seront refusés dès maintenant. Une clé révoquée ne peut pas être réactivée.`}
      submitLabel="Révoquer la clé"
      destructive
      action={action}
    >
      <input type="hidden" name="id" value={keyId} />
    </ActionDialog>
  );
}
