import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { type ImportWarning, warningRowsText } from "@/lib/import/warnings";

/** The warnings of a file, in the preview, the result and the history: imported as written, worth a look. */
export function ImportWarnings({ warnings }: { warnings: readonly ImportWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert variant="warning" role="status" aria-label="Avertissements">
      <TriangleAlert aria-hidden="true" />
      <AlertTitle>
        {warnings.length} avertissement{warnings.length > 1 ? "s" : ""} sur ce fichier
      </AlertTitle>
      <AlertDescription>
        <ul className="mt-1 list-disc space-y-1 pl-4">
          {warnings.map((warning) => (
            <li key={warning.code} data-warning={warning.code}>
              {warning.message}
              {warning.rows && warning.rows.length > 0 && (
                <span className="text-muted-foreground"> ({warningRowsText(warning)})</span>
              )}
            </li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}
