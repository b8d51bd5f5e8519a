import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentedOperations } from "./testing";

const root = path.resolve(import.meta.dirname, "../../app/api/v1");
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
// Not resources: the document itself, and the problem+json 404 for unknown paths.
const outsideTheDocument = new Set(["/openapi.json", "/[...path]"]);

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("the OpenAPI document", () => {
  it("documents every operation the /api/v1 routes answer, and nothing they do not", async () => {
    const served: string[] = [];
    for (const file of routeFiles(root)) {
      const route = "/" + path.relative(root, path.dirname(file)).split(path.sep).join("/");
      if (outsideTheDocument.has(route)) continue;
      const handlers = (await import(file)) as Record<string, unknown>;
      const template = route.replace(/\[(\w+)\]/g, "{$1}");
      served.push(...methods.filter((m) => typeof handlers[m] === "function").map((m) => `${m} ${template}`));
    }
    expect(served.length).toBeGreaterThan(0);
    expect([...(await documentedOperations())].sort()).toEqual(served.sort());
  });
});
