import type { ImportWarning } from "@/db/schema";
import { parseAmount } from "./amount";
import { addDaysToDate, parseDate } from "./date";
import { fromCents, toCents } from "./decimal";
import { type FecColumn, type FecLine, isUnusableEntryNum } from "./fec";
import { entryType, journalKind, type JournalKind } from "./fec-journals";
import { type LetteredLine, settleLettering, type UnbalancedGroup } from "./fec-lettering";
import { createFecStats, fecWarnings } from "./fec-warnings";
import type { ParseResult } from "./result";
import type { ClientRow, DocumentRow, RowError } from "./rows";

export type FecOptions = { paymentTermsDays: (clientCode: string) => number; fileName?: string };
export type FecBalance = { clientCode: string; clientName: string; balance: string };
export type FecItems = {
  clients: ClientRow[];
  documents: DocumentRow[];
  errors: RowError[];
  warnings: ImportWarning[];
  /** Σ debit − Σ credit of each customer account in the file: what its open items must add up to. */
  balances: FecBalance[];
  linesRead: number;
  customerLines: number;
};

type CustomerLine = LetteredLine & {
  clientCode: string;
  journal: string;
  kind: JournalKind;
  entryNum: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  /** Run of consecutive file lines sharing journal, PieceRef and dates: the entry when EcritureNum is unusable. */
  lineGroup: number;
};


/**
 * Collects the customer items of a FEC (lines on accounts 411* with an auxiliary account). A pièce is an
 * accounting entry (journal + EcritureNum + date, or PieceRef + PieceDate + line group when EcritureNum is
 * empty or zero), never a PieceRef alone: batch references shared by several entries must not merge them.
 * What stays open of each line comes from its lettering (fec-lettering.ts).
 */
export function createFecCollector(options: FecOptions) {
  const clients = new Map<string, ClientRow>();
  const lines: CustomerLine[] = [];
  const errors: RowError[] = [];
  const stats = createFecStats(options.fileName);
  let linesRead = 0;
  let customerLines = 0;
  let lineGroup = 0;
  let previousGroupKey = "";

  const value = <T>(line: FecLine, column: FecColumn, result: ParseResult<T>) => {
    if (result.ok) return result.value;
    errors.push({ row: line.row, column, value: line[column], reason: result.reason });
    return undefined;
  };

  function add(line: FecLine) {
    linesRead++;
    stats.add(line);
    const groupKey = `${line.JournalCode}\u0000${line.PieceRef}\u0000${line.PieceDate}\u0000${line.EcritureDate}`;
    if (groupKey !== previousGroupKey) {
      lineGroup++;
      previousGroupKey = groupKey;
    }
    if (!line.CompteNum.startsWith("411") || line.CompAuxNum === "") return;
    customerLines++;
    const debit = value(line, "Debit", parseAmount(line.Debit));
    const credit = value(line, "Credit", parseAmount(line.Credit));
    const entryDate = value(line, "EcritureDate", parseDate(line.EcritureDate));
    const pieceDate = line.PieceDate ? value(line, "PieceDate", parseDate(line.PieceDate)) : entryDate;
    const letteredOn = line.DateLet ? value(line, "DateLet", parseDate(line.DateLet)) : null;
    if (debit === undefined || credit === undefined || !entryDate || !pieceDate || letteredOn === undefined) return;

    const clientCode = line.CompAuxNum;
    const client = clients.get(clientCode);
    if (!client) clients.set(clientCode, clientRow(line, options.paymentTermsDays(clientCode)));
    else if (client.name === client.code && line.CompAuxLib) client.name = line.CompAuxLib;
    lines.push({
      row: line.row, clientCode, journal: line.JournalCode, kind: journalKind(line.JournalCode, line.JournalLib),
      entryNum: line.EcritureNum, pieceRef: line.PieceRef, pieceDate, entryDate, label: line.EcritureLib,
      cents: toCents(debit ?? "0") - toCents(credit ?? "0"), letter: line.EcritureLet, letteredOn,
      lineGroup, openCents: 0n, settledOn: "",
    });
  }

  function finish(): FecItems {
    const byClient = new Map<string, CustomerLine[]>();
    for (const line of lines) {
      const list = byClient.get(line.clientCode);
      if (list) list.push(line);
      else byClient.set(line.clientCode, [line]);
    }
    const unbalanced: (UnbalancedGroup & { clientCode: string })[] = [];
    const balances: FecBalance[] = [];
    for (const [clientCode, list] of byClient) {
      for (const group of settleLettering(list)) unbalanced.push({ ...group, clientCode });
      const balance = list.reduce((sum, l) => sum + l.cents, 0n);
      balances.push({ clientCode, clientName: clients.get(clientCode)?.name ?? clientCode, balance: fromCents(balance) });
    }
    return {
      clients: [...clients.values()],
      documents: entryDocuments(lines, options),
      errors,
      warnings: fecWarnings(stats.result(), unbalanced, [...clients.values()]),
      balances,
      linesRead,
      customerLines,
    };
  }

  return { add, finish };
}

/** Customer items of a whole FEC held in memory (tests, small files); large files use the collector. */
export function fecCustomerItems(lines: Iterable<FecLine>, options: FecOptions): FecItems {
  const collector = createFecCollector(options);
  for (const line of lines) collector.add(line);
  return collector.finish();
}

const entryIdOf = (line: CustomerLine) =>
  isUnusableEntryNum(line.entryNum)
    ? `${line.journal}\u0000${line.pieceRef}\u0000${line.pieceDate}\u0000#${line.lineGroup}`
    : `${line.journal}\u0000${line.entryNum}\u0000${line.entryDate}`;

function entryDocuments(lines: readonly CustomerLine[], options: FecOptions): DocumentRow[] {
  const entries = new Map<string, CustomerLine[]>();
  // Entries sharing a journal and PieceRef, in file order: a shared reference is a batch, not an invoice number.
  const byReference = new Map<string, string[]>();
  for (const line of lines) {
    const entryId = entryIdOf(line);
    const key = `${line.clientCode}\u0000${entryId}`;
    const entry = entries.get(key);
    if (entry) {
      entry.push(line);
      continue;
    }
    entries.set(key, [line]);
    const reference = `${line.journal}\u0000${line.pieceRef}`;
    const ids = byReference.get(reference);
    if (!ids) byReference.set(reference, [entryId]);
    else if (!ids.includes(entryId)) ids.push(entryId);
  }

  const documents: DocumentRow[] = [];
  const numbersTaken = new Set<string>();
  for (const entry of entries.values()) {
    const first = entry[0];
    const sharing = byReference.get(`${first.journal}\u0000${first.pieceRef}`) ?? [];
    let number: string;
    if (first.pieceRef && sharing.length === 1) number = first.pieceRef;
    else if (!isUnusableEntryNum(first.entryNum)) number = `${first.journal}-${first.entryNum}`;
    else number = `${first.journal}-${first.pieceRef || first.pieceDate}-${sharing.indexOf(entryIdOf(first)) + 1}`;

    let cents = 0n;
    let openCents = 0n;
    let issueDate = first.pieceDate;
    let settledOn = "";
    for (const line of entry) {
      cents += line.cents;
      openCents += line.openCents;
      if (line.pieceDate < issueDate) issueDate = line.pieceDate;
      const lineSettled = line.settledOn || line.entryDate;
      if (lineSettled > settledOn) settledOn = lineSettled;
    }
    const type = entryType(first.kind, cents, first.label);
    const unique = uniqueNumber(numbersTaken, `${first.clientCode}\u0000${type}`, number);
    const terms = type === "invoice" ? options.paymentTermsDays(first.clientCode) : 0;
    documents.push({
      row: first.row, entityCode: null, clientCode: first.clientCode, type, number: unique,
      reference: first.pieceRef && first.pieceRef !== unique ? first.pieceRef : null, issueDate,
      dueDate: addDaysToDate(issueDate, terms), amount: fromCents(cents), openAmount: fromCents(openCents),
      currency: null, settledDate: openCents === 0n ? settledOn : null,
    });
  }
  return documents;
}

/** Two entries never share a document key: the database would keep only one of them. */
function uniqueNumber(taken: Set<string>, scope: string, number: string): string {
  let candidate = number;
  for (let n = 2; taken.has(`${scope}\u0000${candidate}`); n++) candidate = `${number} (${n})`;
  taken.add(`${scope}\u0000${candidate}`);
  return candidate;
}

function clientRow(line: FecLine, paymentTermsDays: number): ClientRow {
  return {
    row: line.row, entityCode: null, code: line.CompAuxNum, name: line.CompAuxLib || line.CompAuxNum, siren: null,
    siret: null, vatNumber: null, address: null, postalCode: null, city: null, country: null, phone: null, email: null,
    paymentTermsDays, creditLimit: null, collectorEmail: null, salesRepEmail: null, customFields: {},
  };
}
