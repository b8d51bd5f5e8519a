/** How each channel goes out with the current configuration (server only: reads the environment). */
import { env } from "@/lib/env";

export type ChannelRouting = { channel: "email" | "sms" | "letter"; label: string; simulated: boolean; detail: string };

/** How each channel goes out with the current configuration, for Paramétrage. */
export function channelRouting(): ChannelRouting[] {
  return [
    env.RESEND_API_KEY
      ? { channel: "email", label: "E-mail", simulated: false, detail: `envoyé par Resend, expéditeur ${env.RESEND_FROM}` }
      : { channel: "email", label: "E-mail", simulated: true, detail: "simulé — aucun fournisseur configuré (RESEND_API_KEY)" },
    { channel: "sms", label: "SMS", simulated: true, detail: "simulé — aucun fournisseur SMS n'est encore branché" },
    { channel: "letter", label: "Courrier", simulated: false, detail: "lot d'impression du jour, à imprimer et poster (pas d'envoi postal automatique)" },
  ];
}
