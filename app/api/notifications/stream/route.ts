import { type NotificationState, notificationState } from "@/db/queries/notification-feed";
import { userForRoute } from "@/lib/auth/session";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const CHECK_MS = 2500;
const HEARTBEAT_MS = 20_000;
// Past this the stream ends and the browser reconnects, which checks the session again (a logout holds).
const LIFETIME_MS = 10 * 60_000;

const encoder = new TextEncoder();

/**
 * Server-Sent Events for the bell: a `notifications` event with the unread count and newest unread id on
 * connection and whenever either changes, a comment line now and then so proxies keep the connection open.
 */
export async function GET(request: Request) {
  const current = await userForRoute("notifications.read");
  if (current.denied) return current.denied;
  const { db, scope } = current;

  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = "";
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const check = async () => {
        try {
          const state: NotificationState = await notificationState(db, scope.userId);
          const key = `${state.unread}:${state.latestId ?? ""}`;
          if (key !== last) {
            last = key;
            send(`event: notifications\ndata: ${JSON.stringify(state)}\n\n`);
          }
        } catch (error) {
          console.error("[notifications/stream]", error);
        }
      };
      const checks = setInterval(check, CHECK_MS);
      const heartbeats = setInterval(() => send(": ping\n\n"), HEARTBEAT_MS);
      const lifetime = setTimeout(() => stop(), LIFETIME_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(checks);
        clearInterval(heartbeats);
        clearTimeout(lifetime);
        request.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      request.signal.addEventListener("abort", stop);
      send("retry: 5000\n\n");
      void check();
    },
    cancel() {
      stop();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
