/**
 * Whether a message really left the application. E-mails and SMS recorded only in the outbox (no provider
 * configured) are simulated, never « envoyés »; letters go to the day's print batch, to be printed and posted.
 * Pure: the browser's previews use it too.
 */
export const simulatedLabel = "Simulé (non envoyé)";

export function isSimulatedSend(message: { provider: string; channel: string }): boolean {
  return message.provider === "outbox" && message.channel !== "letter";
}
