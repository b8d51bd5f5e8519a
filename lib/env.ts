import { z } from "zod";

/** Every environment variable the app reads, parsed once. Empty strings count as unset. */
const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);
const optional = z.preprocess(emptyAsUndefined, z.string().optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional,
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("data")),
  AUTH_SECRET: optional,
  SESSION_MAX_AGE_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().positive().default(8)),
  LOGIN_MAX_FAILURES: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(5)),
  LOGIN_WINDOW_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(15)),
  COMPANY_TIMEZONE: z.preprocess(emptyAsUndefined, z.string().default("Europe/Paris")),
  INNGEST_EVENT_KEY: optional,
  INNGEST_SIGNING_KEY: optional,
  INNGEST_DEV: optional,
  RESEND_API_KEY: optional,
  RESEND_FROM: z.preprocess(emptyAsUndefined, z.string().default("Encaisse <relances@encaisse.local>")),
  /** The Resend API's address; tests point it at a local fake server. */
  RESEND_BASE_URL: optional,
  /** Where users reach the app: the links of e-mails sent to them (the daily digest). */
  APP_URL: z.preprocess(emptyAsUndefined, z.url().default("http://localhost:3000")),
  IMPORT_MAX_MEGABYTES: z.preprocess(emptyAsUndefined, z.coerce.number().positive().default(100)),
  IMPORT_DROP_DIR: optional,
  IMPORT_DROP_MODE: z.preprocess(emptyAsUndefined, z.enum(["snapshot", "incremental"]).default("snapshot")),
  JOBS_IN_PROCESS: z.preprocess(emptyAsUndefined, z.enum(["on", "off"]).optional()),
  /** Set, attachments and import files go to this S3-compatible bucket instead of DATA_DIR. */
  S3_BUCKET: optional,
  S3_REGION: z.preprocess(emptyAsUndefined, z.string().default("us-east-1")),
  S3_ENDPOINT: optional,
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  S3_FORCE_PATH_STYLE: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("false").transform((v) => v === "true")),
  /** Lets webhooks reach private, loopback and link-local addresses (development, tests, an internal receiver). */
  WEBHOOKS_ALLOW_PRIVATE: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("false").transform((v) => v === "true")),
});

export type Env = z.infer<typeof schema>;

export const env: Env = schema.parse(process.env);

/** Inngest runs the jobs when it is configured; otherwise they run inside the app process. */
export const inngestConfigured = Boolean(env.INNGEST_SIGNING_KEY || env.INNGEST_DEV);
