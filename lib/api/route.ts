import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { type Db, getDb } from "@/db/client";
import { claimIdempotencyKey, releaseIdempotencyKey, storeIdempotentAnswer } from "@/db/queries/api-idempotency";
import { countApiRequest, findApiKey } from "@/db/queries/api-keys";
import { loadScope } from "@/db/queries/scope";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Scope } from "@/lib/auth/scope";
import { today } from "@/lib/dates";
import { describeRootCause, isConnectionError } from "@/lib/error-cause";
import { etagOf, matchesIfNoneMatch } from "./etag";
import { bearerToken, hashApiKey } from "./keys";
import { ApiProblem, problemResponse } from "./problem";

export type ApiKeyContext = { id: string; userId: string; readOnly: boolean };

export type ApiContext<Q, B, P> = {
  db: Db;
  scope: Scope;
  key: ApiKeyContext;
  query: Q;
  body: B;
  params: P;
  /** The multipart form read by the spec's `form` reader, when the operation takes one. */
  form: FormData | undefined;
  request: Request;
  today: string;
};

export type ApiAnswer = { status?: number; body: unknown; headers?: Record<string, string> };

type Spec<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> = {
  permission: Permission;
  /** Changes data: refused to read-only keys. POSTs honour `Idempotency-Key`. */
  write?: boolean;
  query?: Q;
  /** A JSON body's schema. */
  body?: B;
  /** Reads a multipart body instead (checking its type and declared size first); the handler validates its fields. */
  form?: (request: Request) => Promise<FormData>;
  params?: P;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const MAX_JSON_BYTES = 1024 * 1024;

const unauthenticatedDetail = {
  missing: "Ajoutez l'en-tête « Authorization: Bearer <clé> » avec une clé d'API créée dans Encaisse.",
  unknown: "Cette clé d'API est inconnue.",
  revoked: "Cette clé d'API a été révoquée.",
  expired: "Cette clé d'API a expiré.",
  inactive_user: "L'utilisateur de cette clé d'API est désactivé.",
} as const;

/**
 * The one wrapper of every `/api/v1` handler: authenticates the key, applies its rate limit, checks the role's
 * permission and the key's read-only flag, validates parameters and body with zod, replays idempotent POSTs, tags
 * GET answers with an ETag, and turns every failure into a problem+json answer in French.
 */
export function apiRoute<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  spec: Spec<Q, B, P>,
  handler: (ctx: ApiContext<z.infer<Q>, z.infer<B>, z.infer<P>>) => Promise<ApiAnswer>,
) {
  return async (request: Request, route?: RouteContext): Promise<Response> => {
    const instance = new URL(request.url).pathname;
    try {
      const db = await getDb();
      const { key, scope, rateHeaders } = await authenticate(db, request);
      if (!can(scope.role, spec.permission)) {
        throw new ApiProblem("forbidden", "Votre rôle ne permet pas cette opération.", { headers: rateHeaders });
      }
      if (spec.write && key.readOnly) throw new ApiProblem("forbidden", "Cette clé d'API est en lecture seule.", { headers: rateHeaders });
      const params = parseParams(spec.params, route ? await route.params : {});
      const query = parseOrProblem(spec.query, searchParamsObject(new URL(request.url).searchParams), "");
      const body = spec.body ? parseOrProblem(spec.body, await readJson(request), "body.") : undefined;
      const form = spec.form ? await spec.form(request) : undefined;
      const ctx = { db, scope, key, query, body, form, params, request, today: today() } as ApiContext<z.infer<Q>, z.infer<B>, z.infer<P>>;
      const idempotencyKey = request.method === "POST" ? request.headers.get("idempotency-key") : null;
      const response = idempotencyKey
        ? await idempotent(db, key.id, idempotencyKey, request, form ? await formDigest(form) : JSON.stringify(body ?? null), ctx, handler)
        : toResponse(request, await handler(ctx));
      for (const [name, value] of Object.entries(rateHeaders)) response.headers.set(name, value);
      return response;
    } catch (error) {
      return problemResponse(asProblem(error, request), instance);
    }
  };
}

async function authenticate(db: Db, request: Request) {
  const token = bearerToken(request.headers.get("authorization"));
  const challenge = { "WWW-Authenticate": 'Bearer realm="encaisse"' };
  if (!token) throw new ApiProblem("unauthenticated", unauthenticatedDetail.missing, { headers: challenge });
  const found = await findApiKey(db, hashApiKey(token), new Date());
  if (found.status !== "ok") throw new ApiProblem("unauthenticated", unauthenticatedDetail[found.status], { headers: challenge });
  const { count, resetInSeconds } = await countApiRequest(db, found.key.id);
  const limit = found.key.requestsPerMinute;
  const rateHeaders = {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(Math.max(0, limit - count)),
    "RateLimit-Reset": String(resetInSeconds),
  };
  if (count > limit) {
    throw new ApiProblem("rate_limited", `Cette clé est limitée à ${limit} requêtes par minute : réessayez dans ${resetInSeconds} s.`, {
      headers: { ...rateHeaders, "Retry-After": String(resetInSeconds) },
    });
  }
  const scope = await loadScope(db, found.key.userId, today());
  if (!scope) throw new ApiProblem("unauthenticated", unauthenticatedDetail.inactive_user, { headers: challenge });
  return { key: found.key, scope, rateHeaders };
}

/** Query parameters as an object; a repeated name gives an array. */
function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    out[name] = values.length === 1 ? values[0] : values;
  }
  return out;
}

function parseParams<P extends z.ZodType>(schema: P | undefined, raw: Record<string, string | string[]>) {
  if (!schema) return undefined;
  const parsed = schema.safeParse(raw);
  // A malformed id names nothing that exists.
  if (!parsed.success) throw new ApiProblem("not_found", "Aucune ressource ne porte cet identifiant.");
  return parsed.data;
}

// zod's own messages in French where a schema gives none of its own.
const inFrench = { error: z.locales.fr().localeError };

/** Parsed input, or a 422 problem naming each invalid field (prefixed, as `body.x`) with its messages. */
export function parseOrProblem<S extends z.ZodType>(schema: S | undefined, raw: unknown, prefix: string) {
  if (!schema) return undefined;
  const parsed = schema.safeParse(raw, inFrench);
  if (parsed.success) return parsed.data;
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    // A refinement of the whole body has an empty path: it is named `body`, not `body.`.
    const path = (issue.path.length ? `${prefix}${issue.path.join(".")}` : prefix.replace(/\.$/, "")) || "body";
    (errors[path] ??= []).push(issue.message);
  }
  const fields = Object.keys(errors).join(", ");
  throw new ApiProblem("invalid_request", `Paramètres invalides : ${fields}.`, { errors });
}

async function readJson(request: Request): Promise<unknown> {
  if (!/^application\/(.+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new ApiProblem("unsupported_media_type", "Envoyez un corps JSON avec l'en-tête « Content-Type: application/json ».");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new ApiProblem("payload_too_large", "Le corps JSON dépasse 1 Mo.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem("invalid_request", "Le corps de la requête n'est pas un JSON valide.");
  }
}

/** JSON with an ETag on successful reads; a matching `If-None-Match` gets 304 without the body. */
function toResponse(request: Request, answer: ApiAnswer): Response {
  const status = answer.status ?? 200;
  const text = JSON.stringify(answer.body);
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8", ...answer.headers };
  if (request.method === "GET" && status === 200) {
    const etag = etagOf(text);
    const validators = { ETag: etag, "Cache-Control": "private, no-cache" };
    if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers: validators });
    Object.assign(headers, validators);
  } else {
    headers["Cache-Control"] = "no-store";
  }
  return new Response(text, { status, headers });
}

async function idempotent<C>(
  db: Db,
  keyId: string,
  idempotencyKey: string,
  request: Request,
  content: string,
  ctx: C,
  handler: (ctx: C) => Promise<ApiAnswer>,
): Promise<Response> {
  if (idempotencyKey.length > 255) throw new ApiProblem("invalid_request", "L'en-tête Idempotency-Key dépasse 255 caractères.");
  const requestHash = createHash("sha256").update(`${request.method} ${new URL(request.url).pathname}\n${content}`).digest("hex");
  const claim = await claimIdempotencyKey(db, keyId, idempotencyKey, requestHash);
  if (claim.status === "mismatch") {
    throw new ApiProblem("idempotency_mismatch", "Cette clé d'idempotence a déjà servi pour une autre requête : utilisez-en une nouvelle.");
  }
  if (claim.status === "in_progress") throw new ApiProblem("conflict", "Une requête avec cette clé d'idempotence est en cours : réessayez dans un instant.");
  if (claim.status === "replay") {
    return toResponse(request, { status: claim.code, body: claim.body, headers: { "Idempotent-Replayed": "true" } });
  }
  try {
    const answer = await handler(ctx);
    await storeIdempotentAnswer(db, keyId, idempotencyKey, answer.status ?? 200, answer.body);
    return toResponse(request, answer);
  } catch (error) {
    await releaseIdempotencyKey(db, keyId, idempotencyKey).catch(() => {});
    throw error;
  }
}

/**
 * A multipart body by its fields and files' bytes, not its raw text: a retry carries a new boundary, and the same
 * key with another file must not replay the first one's answer.
 */
async function formDigest(form: FormData): Promise<string> {
  const parts: string[] = [];
  for (const [name, value] of form.entries()) {
    const content = typeof value === "string" ? value : `${value.name}:${createHash("sha256").update(Buffer.from(await value.arrayBuffer())).digest("hex")}`;
    parts.push(`${name}=${content}`);
  }
  return parts.join("\n");
}

function asProblem(error: unknown, request: Request): ApiProblem {
  if (error instanceof ApiProblem) return error;
  const reference = randomBytes(5).toString("hex");
  console.error(`[api] Référence ${reference} : ${request.method} ${new URL(request.url).pathname} a échoué : ${describeRootCause(error)}`);
  return isConnectionError(error)
    ? new ApiProblem("unavailable", "La base de données ne répond pas : réessayez dans quelques instants.", { reference, headers: { "Retry-After": "5" } })
    : new ApiProblem("internal", "Une erreur est survenue : si elle persiste, donnez la référence à votre administrateur.", { reference });
}

/** Path parameter `{id}` as a uuid. */
export const idParams = z.object({ id: z.uuid() });
