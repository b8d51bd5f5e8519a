/**
 * Errors of the open API as RFC 9457 problem details (`application/problem+json`), titled in French. The `type` of
 * each kind is stable, so programs branch on it rather than on the wording.
 */
export const problemKinds = {
  unauthenticated: { status: 401, title: "Authentification requise" },
  forbidden: { status: 403, title: "Accès refusé" },
  not_found: { status: 404, title: "Ressource introuvable" },
  method_not_allowed: { status: 405, title: "Méthode non autorisée" },
  conflict: { status: 409, title: "Conflit" },
  payload_too_large: { status: 413, title: "Fichier trop volumineux" },
  unsupported_media_type: { status: 415, title: "Format de requête non pris en charge" },
  invalid_request: { status: 422, title: "Requête invalide" },
  idempotency_mismatch: { status: 422, title: "Clé d'idempotence déjà utilisée" },
  rate_limited: { status: 429, title: "Trop de requêtes" },
  internal: { status: 500, title: "Erreur interne" },
  unavailable: { status: 503, title: "Service indisponible" },
} as const;

export type ProblemKind = keyof typeof problemKinds;

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Invalid fields, by path (`limit`, `body.note`), each with its French messages. */
  errors?: Record<string, string[]>;
  reference?: string;
};

export const problemType = (kind: ProblemKind) => `urn:encaisse:probleme:${kind.replaceAll("_", "-")}`;

/** Thrown by handlers and helpers; the route wrapper turns it into the response. */
export class ApiProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail?: string,
    readonly extra: Pick<Problem, "errors" | "reference"> & { headers?: Record<string, string> } = {},
  ) {
    super(detail ?? problemKinds[kind].title);
  }
}

export function problemResponse(problem: ApiProblem, instance?: string): Response {
  const { status, title } = problemKinds[problem.kind];
  const { headers, ...extra } = problem.extra;
  const body: Problem = { type: problemType(problem.kind), title, status, ...(problem.detail ? { detail: problem.detail } : {}), ...(instance ? { instance } : {}), ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}
