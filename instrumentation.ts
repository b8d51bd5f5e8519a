export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startEmbeddedServices } = await import("./inngest/embedded");
  await startEmbeddedServices(Number(process.env.PORT ?? 3000));
}
