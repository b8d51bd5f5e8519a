import { randomBytes } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { describeRootCause, isConnectionError } from "@/lib/error-cause";

/**
 * Wraps a route handler so an unexpected failure answers a French JSON error with a reference found in the server
 * log (503 when the database is unreachable), never Next.js's empty 500.
 */
export function withErrorResponse<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      unstable_rethrow(error);
      const reference = randomBytes(5).toString("hex");
      const where = args[0] instanceof Request ? `${args[0].method} ${new URL(args[0].url).pathname}` : "requête";
      console.error(`[erreur] Référence ${reference} : ${where} a échoué : ${describeRootCause(error)}`);
      const unavailable = isConnectionError(error);
      const message = unavailable
        ? "La base de données ne répond pas : réessayez dans quelques instants."
        : "Une erreur est survenue : réessayez, et si elle persiste, donnez la référence à votre administrateur.";
      return Response.json({ error: message, reference }, { status: unavailable ? 503 : 500, headers: { "Cache-Control": "no-store" } });
    }
  };
}
