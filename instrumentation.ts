import type { Instrumentation } from "next";
import { describeRootCause } from "@/lib/error-cause";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startEmbeddedServices } = await import("./inngest/embedded");
  await startEmbeddedServices(Number(process.env.PORT ?? 3000));
}

/** One French line per failed request, with the reference the error page shows, so support can find it. */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : null;
  console.error(
    `[erreur]${digest ? ` Référence ${digest} :` : ""} ${request.method} ${request.path} (${context.routeType} ${context.routePath}) ` +
      `a échoué : ${describeRootCause(error)}`,
  );
};
