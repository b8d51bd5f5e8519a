/**
 * What a template is rendered with: plain data gathered by the caller (preview, scenario engine, outbound),
 * amounts as exact decimal strings ("1234.56"), business dates as "yyyy-mm-dd".
 */

export type TemplateChannel = "email" | "letter" | "sms";

export type TemplateDocument = {
  type: "invoice" | "credit_note" | "payment" | "opening_balance" | "other";
  number: string;
  issueDate: string;
  dueDate: string;
  amount: string;
  openAmount: string;
  /** ISO code; euros when absent. */
  currency?: string;
};

export type TemplateContext = {
  /** The send date, in the company's time zone. */
  today: string;
  client: {
    code: string;
    name: string;
    address?: string | null;
    postalCode?: string | null;
    city?: string | null;
    country?: string | null;
    /** L441-10 penalties and the 40 € indemnity apply between businesses; every client is one unless told otherwise. */
    isBusiness?: boolean;
  };
  contact?: { civility?: string | null; name: string } | null;
  company: {
    name: string;
    /** Full postal address, lines separated by "\n". */
    address?: string | null;
    iban?: string | null;
    signature?: string | null;
  };
  /** The collector's civility agrees « votre interlocuteur / interlocutrice ». */
  collector?: { name: string; civility?: string | null; email?: string | null; phone?: string | null } | null;
  /** The client's whole balance, not only the documents concerned. */
  totals: { outstanding: string; overdue: string };
  /** The documents this reminder is about. */
  documents: TemplateDocument[];
  /** Annual late-payment penalty rate in percent ("12.15"), from the settings. */
  penaltyRatePercent: string;
};
