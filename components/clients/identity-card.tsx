import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Client } from "@/db/schema";
import { formatMoney } from "@/lib/format/fr";

export function IdentityCard({ client, entityName }: { client: Client; entityName: string }) {
  const fields: [string, React.ReactNode][] = [
    ["Société", entityName],
    ["SIREN", client.siren ?? "—"],
    ["SIRET", client.siret ?? "—"],
    ["TVA intracommunautaire", client.vatNumber ?? "—"],
    ["Adresse", [client.address, [client.postalCode, client.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "—"],
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
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {fields.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="tabular text-right font-medium break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
