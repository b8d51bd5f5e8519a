"use client";

import { Check, Copy, TriangleAlert } from "lucide-react";
import { useId, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { CreatedApiKey } from "./key-input";

/** The token of a key just created, shown this once: Encaisse keeps only its fingerprint. */
export function TokenReveal({ created }: { created: CreatedApiKey }) {
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied("yes");
    } catch {
      // Without clipboard access (an insecure origin, a refused permission) the field stays there to select by hand.
      setCopied("no");
    }
  }

  return (
    <div className="space-y-4">
      <Alert variant="warning">
        <TriangleAlert aria-hidden="true" />
        <AlertTitle>Copiez cette clé maintenant</AlertTitle>
        <AlertDescription>
          Elle ne sera plus jamais affichée : Encaisse n&apos;en conserve qu&apos;une empreinte. Gardez-la dans un coffre de mots de passe ou
          dans les secrets de l&apos;application qui l&apos;utilise. Si vous la perdez, révoquez-la et créez-en une autre.
        </AlertDescription>
      </Alert>
      <div className="space-y-1.5">
        <Label htmlFor={id}>Clé « {created.name} »</Label>
        <div className="flex gap-2">
          <Input id={id} readOnly value={created.token} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
          <Button type="button" variant="outline" onClick={copy}>
            {copied === "yes" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
            {copied === "yes" ? "Copiée" : "Copier"}
          </Button>
        </div>
        <p role="status" className="text-xs text-muted-foreground">
          {copied === "yes" && "La clé est dans le presse-papiers."}
          {copied === "no" && "Copie impossible ici : sélectionnez la clé dans le champ et copiez-la."}
        </p>
      </div>
    </div>
  );
}
