import { splitBody } from "@/lib/collaboration/mentions";

/** A message's text with its mentions shown as chips. */
export function MessageBody({ body }: { body: string }) {
  return (
    <p className="text-sm whitespace-pre-wrap break-words">
      {splitBody(body).map((part, i) =>
        part.kind === "text" ? (
          <span key={i}>{part.text}</span>
        ) : (
          <span key={i} className="inline-flex items-center rounded-full bg-primary/10 px-1.5 font-medium text-primary">
            @{part.name}
          </span>
        ),
      )}
    </p>
  );
}
