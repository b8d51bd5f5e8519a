"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { selectClassName } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { contactRoleLabels, contactRoles } from "@/lib/contacts/roles";
import { actionTypeLabels } from "@/lib/collection/labels";
import { type ActionMode, actionModeLabels, type ActionType, actionTypes, channelOfAction, type Channel, modesFor, offsetLabel } from "@/lib/scenarios/steps";
import { cn } from "@/lib/utils";
import { actionIcons, modeMarkerClasses } from "./scenario-step-style";

export type StepRow = {
  key: number;
  id?: string;
  label: string;
  offsetDays: string;
  actionType: ActionType;
  templateId: string;
  mode: ActionMode;
  minAmount: string;
  recipientRole: string;
};
export type TemplateChoice = { id: string; name: string; channel: Channel };

type FieldName = "label" | "offsetDays" | "actionType" | "templateId" | "mode" | "minAmount" | "recipientRole";

function offsetHint(raw: string): string | null {
  const days = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(days)) return null;
  if (days === 0) return "Le jour de l'échéance";
  const n = Math.abs(days);
  return `${offsetLabel(days)} : ${n} jour${n > 1 ? "s" : ""} ${days < 0 ? "avant" : "après"} l'échéance`;
}

/** The fields of one step of the scenario editor, with its move and remove buttons. */
export function ScenarioStepFields({
  row,
  index,
  count,
  templates,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  row: StepRow;
  index: number;
  count: number;
  templates: TemplateChoice[];
  errors: Record<string, string[]>;
  onChange: (change: Partial<StepRow>) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const id = (field: FieldName) => `step-${row.key}-${field}`;
  const error = (field: FieldName) => errors[`steps.${index}.${field}`]?.[0];
  const invalid = (field: FieldName) => (error(field) ? { "aria-invalid": true, "aria-describedby": `${id(field)}-error` } : {});
  const channel = channelOfAction[row.actionType];
  const choices = channel ? templates.filter((t) => t.channel === channel) : [];
  const Icon = actionIcons[row.actionType];
  const hint = offsetHint(row.offsetDays);

  const changeType = (actionType: ActionType) => {
    const nextChannel = channelOfAction[actionType];
    const template = templates.find((t) => t.id === row.templateId);
    onChange({
      actionType,
      templateId: template && template.channel === nextChannel ? row.templateId : "",
      mode: modesFor(actionType).includes(row.mode) ? row.mode : "manual",
    });
  };

  const label = (field: FieldName, text: string, suffix = "") => (
    <Label htmlFor={id(field)} className="block text-xs text-muted-foreground">
      {text}
      <span className="sr-only"> de l&apos;étape {n}</span>
      {suffix}
    </Label>
  );
  const message = (field: FieldName) =>
    error(field) && (
      <p id={`${id(field)}-error`} className="text-xs text-destructive">
        {error(field)}
      </p>
    );

  return (
    <li className="rounded-lg border bg-card p-4 shadow-xs" aria-label={`Étape ${n}`}>
      <div className="mb-3 flex items-center gap-3">
        <span aria-hidden="true" className={cn("flex size-8 items-center justify-center rounded-full border [&>svg]:size-4", modeMarkerClasses[row.mode])}>
          <Icon />
        </span>
        <p className="text-sm font-semibold">
          Étape {n}
          <span className="ml-2 font-normal text-muted-foreground">{hint ?? "Décalage à préciser"}</span>
        </p>
        <div className="ml-auto flex gap-1">
          <Button type="button" variant="ghost" size="icon" aria-label={`Monter l'étape ${n}`} title="Monter" disabled={index === 0} onClick={() => onMove(-1)}>
            <ArrowUp aria-hidden="true" />
          </Button>
          <Button type="button" variant="ghost" size="icon" aria-label={`Descendre l'étape ${n}`} title="Descendre" disabled={index === count - 1} onClick={() => onMove(1)}>
            <ArrowDown aria-hidden="true" />
          </Button>
          <Button type="button" variant="ghost" size="icon" aria-label={`Retirer l'étape ${n}`} title="Retirer" disabled={count === 1} onClick={onRemove}>
            <Trash2 aria-hidden="true" />
          </Button>
        </div>
      </div>
      <div className="grid gap-x-4 gap-y-3 sm:grid-cols-2 lg:grid-cols-12">
        <div className="space-y-1.5 lg:col-span-6">
          {label("label", "Libellé")}
          <Input id={id("label")} value={row.label} maxLength={80} onChange={(e) => onChange({ label: e.target.value })} {...invalid("label")} />
          {message("label")}
        </div>
        <div className="space-y-1.5 lg:col-span-2">
          {label("offsetDays", "Décalage", " (jours)")}
          <Input id={id("offsetDays")} type="number" step={1} min={-365} max={365} className="tabular" value={row.offsetDays} onChange={(e) => onChange({ offsetDays: e.target.value })} {...invalid("offsetDays")} />
          {message("offsetDays")}
        </div>
        <div className="space-y-1.5 lg:col-span-4">
          {label("actionType", "Action")}
          <select id={id("actionType")} className={selectClassName} value={row.actionType} onChange={(e) => changeType(e.target.value as ActionType)} {...invalid("actionType")}>
            {actionTypes.map((t) => (
              <option key={t} value={t}>{actionTypeLabels[t]}</option>
            ))}
          </select>
          {message("actionType")}
        </div>
        <div className="space-y-1.5 lg:col-span-4">
          {label("templateId", "Modèle")}
          <select id={id("templateId")} className={selectClassName} value={channel ? row.templateId : ""} disabled={!channel} onChange={(e) => onChange({ templateId: e.target.value })} {...invalid("templateId")}>
            <option value="">{channel ? (choices.length ? "Choisir un modèle…" : "Aucun modèle pour ce canal") : "Sans modèle"}</option>
            {choices.map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </select>
          {message("templateId")}
        </div>
        <div className="space-y-1.5 lg:col-span-3">
          {label("mode", "Mode")}
          <select id={id("mode")} className={selectClassName} value={row.mode} onChange={(e) => onChange({ mode: e.target.value as ActionMode })} {...invalid("mode")}>
            {modesFor(row.actionType).map((m) => (
              <option key={m} value={m}>{actionModeLabels[m]}</option>
            ))}
          </select>
          {message("mode")}
        </div>
        <div className="space-y-1.5 lg:col-span-2">
          {label("minAmount", "Montant minimum")}
          <div className="relative">
            <Input id={id("minAmount")} inputMode="decimal" placeholder="0,00" className="pr-7 text-right tabular" value={row.minAmount} onChange={(e) => onChange({ minAmount: e.target.value })} {...invalid("minAmount")} />
            <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-muted-foreground">€</span>
          </div>
          {message("minAmount")}
        </div>
        <div className="space-y-1.5 lg:col-span-3">
          {label("recipientRole", "Destinataire")}
          <select id={id("recipientRole")} className={selectClassName} value={row.recipientRole} onChange={(e) => onChange({ recipientRole: e.target.value })} {...invalid("recipientRole")}>
            {contactRoles.map((r) => (
              <option key={r} value={r}>{contactRoleLabels[r]}</option>
            ))}
          </select>
          {message("recipientRole")}
        </div>
      </div>
    </li>
  );
}
