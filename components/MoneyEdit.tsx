// A money field of a form: text the admin types as they write amounts ("1,50", "1.50", "1 234,50"),
// shown at first in their language's format. What they type is read by lib/format's parseAmount, here
// as a hint and again by the server's form check (src/db/columns.ts), which refuses an ambiguous
// "1,234" naming the field.
import React, { useState } from "react";
import { useTranslation, type EditPropertyProps } from "adminjs";
import { FormGroup, FormMessage, Input, Label } from "@adminjs/design-system";
import { formatNumber, pageLanguage, parseAmount } from "../src/lib/format.js";

function shown(raw: unknown): string {
  if (raw === null || raw === undefined || raw === "") return "";
  try {
    return formatNumber(String(raw), pageLanguage(), { fractionDigits: 2 });
  } catch {
    return String(raw);
  }
}

const MoneyEdit: React.FC<EditPropertyProps> = ({ property, record, onChange, resource }) => {
  const { translateProperty, translateMessage } = useTranslation();
  const [text, setText] = useState<string>(() => shown(record?.params?.[property.path]));
  const label = translateProperty(property.label, resource.id);
  const read = text.trim() === "" ? null : parseAmount(text);
  const hint = read && !read.ok ? `${label} — ${translateMessage(read.reason, resource.id)}` : undefined;
  const error = record?.errors?.[property.path];
  const currency = (property.custom as { currencyPath?: string } | undefined)?.currencyPath;
  const code = String((currency && record?.params?.[currency]) || "EUR");
  return (
    <FormGroup error={Boolean(error || hint)}>
      <Label htmlFor={property.path} required={property.isRequired}>
        {label} ({code === "EUR" ? "€" : code})
      </Label>
      <Input
        id={property.path}
        name={property.path}
        value={text}
        inputMode="decimal"
        autoComplete="off"
        placeholder={pageLanguage() === "en" ? "12.50" : "12,50"}
        disabled={property.isDisabled}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
          setText(event.target.value);
          onChange(property.path, event.target.value);
        }}
      />
      <FormMessage>{error ? translateMessage(error.message, resource.id) : hint}</FormMessage>
    </FormGroup>
  );
};

export default MoneyEdit;
