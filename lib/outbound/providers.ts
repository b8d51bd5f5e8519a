/**
 * Where e-mails and SMS go: a provider when one is configured, else the outbox (the message is only recorded,
 * shown in Paramétrage → Messages envoyés). The sending code is the same either way.
 */
import { Resend } from "resend";
import { env } from "@/lib/env";
import type { EmailAttachment } from "./render-action";

/** A provider's answer: delivered to it, or refused for good (a bad address). Transient failures throw. */
export type SendOutcome = { status: "sent"; providerMessageId: string | null } | { status: "refused"; reason: string };

/** Network failure, server error or rate limit: the job retries later and the action stays `scheduled`. */
export class TransientSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransientSendError";
  }
}

export type EmailMessage = {
  /** The action id: Resend drops a second request with the same key, should a commit fail after the send. */
  idempotencyKey: string;
  to: string;
  subject: string;
  html: string;
  attachments: EmailAttachment[];
};
export interface EmailProvider {
  readonly name: string;
  send(message: EmailMessage): Promise<SendOutcome>;
}

export type SmsMessage = { idempotencyKey: string; to: string; text: string };
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<SendOutcome>;
}

/** Nothing leaves the application: the outbound record is the message. */
export const outboxEmail: EmailProvider = { name: "outbox", send: async () => ({ status: "sent", providerMessageId: null }) };
export const outboxSms: SmsProvider = { name: "outbox", send: async () => ({ status: "sent", providerMessageId: null }) };

const transientNames = new Set(["application_error", "internal_server_error", "rate_limit_exceeded", "concurrent_idempotent_requests"]);

export function resendEmail(options: { apiKey: string; from: string; baseUrl?: string }): EmailProvider {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    name: "resend",
    async send(message) {
      const { data, error } = await resend.emails.send(
        {
          from: options.from,
          to: [message.to],
          subject: message.subject,
          html: message.html,
          attachments: message.attachments.map((a) => ({ filename: a.fileName, content: a.content, contentType: a.contentType })),
        },
        { idempotencyKey: `action-${message.idempotencyKey}` },
      );
      if (!error) return { status: "sent", providerMessageId: data?.id ?? null };
      // The SDK turns network failures into statusCode null; 5xx and 429 are worth another try.
      const status = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : null;
      if (status === null ? transientNames.has(error.name) || !error.name : status >= 500 || status === 429)
        throw new TransientSendError(`Resend indisponible (${status ?? "réseau"}) : ${error.message}`);
      return { status: "refused", reason: `Adresse refusée par le fournisseur : ${error.message}` };
    },
  };
}

/** The providers the environment configures: Resend with RESEND_API_KEY, else the outbox. */
export function configuredProviders(): { email: EmailProvider; sms: SmsProvider } {
  const email = env.RESEND_API_KEY
    ? resendEmail({ apiKey: env.RESEND_API_KEY, from: env.RESEND_FROM, baseUrl: env.RESEND_BASE_URL })
    : outboxEmail;
  return { email, sms: outboxSms };
}
