import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Analysis } from "@/lib/import/analyze";
import { customFieldLabel, customFieldOf } from "@/lib/import/custom-fields";
import type { FieldDef } from "@/lib/import/fields";
import { cn } from "@/lib/utils";

export function PreviewTable({ analysis, fields }: { analysis: Analysis; fields: readonly FieldDef[] }) {
  const labels = new Map(fields.map((f) => [f.key, f.label]));
  const labelOf = (key: string) => {
    const custom = customFieldOf(key);
    return custom === null ? labels.get(key) : customFieldLabel(custom);
  };
  return (
    <div className="max-h-[28rem] overflow-auto rounded-md border">
      <Table>
        <TableHeader className="sticky top-0 bg-card">
          <TableRow>
            <TableHead>Ligne</TableHead>
            {analysis.headers.map((header, column) => (
              <TableHead key={column}>
                <span className="block normal-case">{header}</span>
                {analysis.mapping[column] && (
                  <span className="block text-[10px] font-normal normal-case text-primary">→ {labelOf(analysis.mapping[column])}</span>
                )}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {analysis.rows.map((row) => (
            <TableRow key={row.row}>
              <TableCell className="tabular text-muted-foreground">{row.row}</TableCell>
              {row.cells.map((cell, column) => (
                <TableCell
                  key={column}
                  title={cell.error}
                  aria-invalid={cell.error ? true : undefined}
                  className={cn("whitespace-nowrap", cell.error && "bg-destructive/10 font-medium text-destructive")}
                >
                  {cell.text}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
