import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** WCAG 2.1 A and AA; the tests fail on what axe rates serious or critical. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

export const isSerious = (v: Violation) => v.impact === "serious" || v.impact === "critical";

/** One paragraph per rule broken: the rule, its help page, then each element with axe's summary of what to fix. */
function describe(pagePath: string, violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`).join("\n");
      return `${pagePath} — [${v.impact}] ${v.id} : ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join("\n\n");
}

/** Serious and critical violations of the page as it stands, described; empty when there are none. */
export async function audit(page: Page, pagePath: string, { frames = true } = {}): Promise<string> {
  // An e-mail shown in a sandboxed frame cannot run axe: such a page is checked without its frames (the e-mail is not the app's).
  const builder = frames ? new AxeBuilder({ page }) : new AxeBuilder({ page }).setLegacyMode(true);
  const { violations } = await builder
    .withTags(wcagTags)
    // Off by default in axe (experimental), it checks WCAG 2.5.3: the visible text of a control is part of its name.
    .options({ rules: { "label-content-name-mismatch": { enabled: true } }, iframes: frames })
    .analyze();
  return describe(pagePath, violations.filter(isSerious));
}
