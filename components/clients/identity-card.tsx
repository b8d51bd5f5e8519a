import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Client } from "@/db/schema";
import { formatMoney } from "@/lib/format/fr";
import { cn } from "@/lib/utils";

export function IdentityCard({ client, entityName }: { client: Client; entityName: string }) {
  const fields: [string, string, boolean?][] = [
    ["Société", entityName],
    ["SIREN", client.siren ?? "—"],
    ["Adresse", [client.address, [client.postalCode, client.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "—", true],
    ["SIRET", client.siret ?? "—"],
    ["TVA intracommunautaire", client.vatNumber ?? "—"],
    ["Téléphone", client.phone ?? "—"],
    ["E-mail", client.email ?? "—"],
    ["Conditions de paiement", `${client.paymentTermsDays} jours`],
    ["Limite de crédit", client.creditLimit ? formatMoney(client.creditLimit) : "—"],
  ];
  return (
    <Card>
      <CardHeader className="pb-3">
        <CardTitle>Identité</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3">
          {fields.map(([label, value, wide]) => (
            <div key={label} className={cn("min-w-0", wide && "col-span-2")}>
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="tabular text-sm font-medium break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
