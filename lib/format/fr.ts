/** fr-FR formats for everything a user reads: 12 345,67 €, 23/11/2026, 42,5 %. */
const money = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const moneyCompact = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  notation: "compact",
  // Stated, not left to the default: Node's and the browsers' ICU disagree on it ("1,0 M €" / "1 M €"), and a
  // chart drawn on the server would not hydrate in the browser.
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

type Amount = string | number | null | undefined;

const moneyByCurrency = new Map<string, Intl.NumberFormat>([["EUR", money]]);

// Numeric columns arrive as exact decimal strings; Intl formats them without going through a float.
/** An amount in its own currency (ISO code), euros unless told: 1 234,56 €, 1 234,56 $US. */
export function formatMoney(value: Amount, currency = "EUR"): string {
  let format = moneyByCurrency.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("fr-FR", { style: "currency", currency });
    moneyByCurrency.set(currency, format);
  }
  return format.format((value ?? 0) as Intl.StringNumericLiteral);
}

export function formatMoneyCompact(value: Amount): string {
  return moneyCompact.format((value ?? 0) as Intl.StringNumericLiteral);
}

export function formatInteger(value: Amount): string {
  return integer.format((value ?? 0) as Intl.StringNumericLiteral);
}

export function formatPercent(ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? "—" : percent.format(ratio);
}

/** A measure with a fixed number of decimals, 0,873; a dash when undefined. */
export function formatDecimal(value: number | null, digits: number): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return value.toLocaleString("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A business date `yyyy-mm-dd` shown as `dd/mm/yyyy`, with no time-zone arithmetic. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "—";
  const [y, m, d] = isoDate.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

export function formatDateTime(instant: Date | string | null | undefined): string {
  if (!instant) return "—";
  return new Intl.DateTimeFormat("fr-FR", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  }).format(new Date(instant));
}

/** Time between two instants in seconds, `1,4 s`; a dash while the second is missing. */
export function formatDuration(start: Date | null, end: Date | null): string {
  if (!start || !end) return "—";
  return `${((end.getTime() - start.getTime()) / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s`;
}
