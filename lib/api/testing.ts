/** Test helpers for `/api/v1`: real database, real keys, and every answer checked against the served OpenAPI document. */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { type DatabaseHandle, type Queryable, setDatabase } from "@/db/client";
import { createApiKey, type ApiKeyInput } from "@/db/queries/api-keys";
import { createTestDatabase } from "@/db/testing";
import { GET as servedDocument } from "@/app/api/v1/openapi.json/route";

export async function openApiTestDatabase(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  setDatabase(handle);
  return handle;
}

/** A key of `userId`: its token. */
export async function makeApiKey(db: Queryable, userId: string, input: Partial<ApiKeyInput> = {}): Promise<string> {
  const { token } = await createApiKey(db, userId, userId, { name: "Test", readOnly: false, expiresAt: null, ...input });
  return token;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type CallOptions = { token?: string | null; body?: unknown; form?: FormData; headers?: Record<string, string>; params?: Record<string, string> };

/** Calls a route handler as Next.js would, with the key as a Bearer token. */
export function callApi(handler: Handler, method: string, url: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("Content-Type", "application/json");
  }
  const request = new Request(new URL(url, "http://encaisse.test"), { method, headers, body });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

type Document = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
let validator: { ajv: Ajv2020; document: Document } | null = null;

async function contract() {
  if (validator) return validator;
  const document = (await servedDocument().json()) as Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, "openapi");
  validator = { ajv, document };
  return validator;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/**
 * Checks that `response` is an answer the served OpenAPI document promises for `method` on `template` (a path of
 * the document, like `/clients/{id}`): its status is documented, and its body matches the documented schema of its
 * content type. Returns the parsed body.
 */
export async function expectContract<T = unknown>(response: Response, method: string, template: string): Promise<T> {
  const { ajv, document } = await contract();
  const operation = document.paths[template]?.[method.toLowerCase()];
  expect(operation, `${method} ${template} absent du document OpenAPI`).toBeDefined();
  if (response.status === 304) {
    expect(method).toBe("GET");
    return undefined as T;
  }
  const status = String(response.status);
  const documented = operation.responses[status];
  expect(documented, `${method} ${template} : statut ${status} non documenté (${await response.clone().text()})`).toBeDefined();
  const type = (response.headers.get("content-type") ?? "").split(";")[0].trim();
  if (!documented.content) return undefined as T;
  expect(Object.keys(documented.content), `${method} ${template} ${status} : type ${type} non documenté`).toContain(type);
  const body = (await response.json()) as T;
  const ref = `openapi#/${pointer("paths", template, method.toLowerCase(), "responses", status, "content", type, "schema")}`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  const valid = validate(body);
  expect(valid, `${method} ${template} ${status} ne respecte pas le schéma : ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`).toBe(true);
  return body;
}

/** The operations the served document lists, as « METHOD /path ». */
export async function documentedOperations(): Promise<string[]> {
  const { document } = await contract();
  return Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
}
