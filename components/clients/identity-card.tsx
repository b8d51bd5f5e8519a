import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Client } from "@/db/schema";
import { formatDate } from "@/lib/format/fr";

export function IdentityCard({
  client,
  entityName,
  collectorName,
  salesRepName,
}: {
  client: Client;
  entityName: string;
  collectorName: string | null;
  salesRepName: string | null;
}) {
  const fields: [string, React.ReactNode][] = [
    ["SIREN", client.siren ?? "—"],
    ["SIRET", client.siret ?? "—"],
    ["TVA intracommunautaire", client.vatNumber ?? "—"],
    ["Adresse", [client.address, [client.postalCode, client.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "—"],
    ["Société", entityName],
    ["Conditions de paiement", `${client.paymentTermsDays} jours`],
    ["Chargé de recouvrement", collectorName ?? "—"],
    ["Commercial", salesRepName ?? "—"],
  ];
  if (client.pausedUntil) fields.push(["Relances suspendues jusqu'au", `${formatDate(client.pausedUntil)}${client.pauseReason ? ` (${client.pauseReason})` : ""}`]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Identité</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {fields.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="text-right font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
