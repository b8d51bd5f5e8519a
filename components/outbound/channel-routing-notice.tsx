import { FlaskConical } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { channelRouting } from "@/lib/outbound/channel-routing";

/** Paramétrage says which channels really send and which are only simulated in the outbox. */
export function ChannelRoutingNotice() {
  const routing = channelRouting();
  const simulated = routing.filter((r) => r.simulated);
  return (
    <Alert variant={simulated.length > 0 ? "warning" : "default"} role="region" aria-label="Acheminement des messages">
      <FlaskConical aria-hidden="true" />
      <AlertTitle>
        {simulated.length > 0
          ? `Canaux simulés : ${simulated.map((r) => r.label).join(", ")} — ces messages ne partent pas, ils sont seulement enregistrés`
          : "Tous les canaux sont branchés"}
      </AlertTitle>
      <AlertDescription>
        <ul className="space-y-0.5">
          {routing.map((r) => (
            <li key={r.channel}>
              <span className="font-medium">{r.label}</span> : {r.detail}
            </li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}
