// Dates and timestamps in lists and record pages, in the admin's language (lib/format): a date column
// as a calendar day ("15 oct. 2026"), a timestamp in Paris time with its zone named
// ("15 oct. 2026, 16:30 UTC+2"); the exact instant in the tooltip. Overrides AdminJS's datetime list and
// show components, which print ISO-like text whatever the language.
import React from "react";
import { useTranslation, type BasePropertyProps } from "adminjs";
import { ValueGroup } from "@adminjs/design-system";
import { formatDate, pageLanguage } from "../src/lib/format.js";

const DateValue: React.FC<BasePropertyProps> = ({ record, property, where, resource }) => {
  const { translateProperty } = useTranslation();
  const raw = record?.params?.[property.path] as string | null | undefined;
  let text: string;
  try {
    text = formatDate(raw, pageLanguage(), property.type === "date" ? "medium" : "timestamp");
  } catch {
    text = String(raw);
  }
  const value = (
    <time dateTime={raw ?? undefined} title={raw ?? undefined} style={{ whiteSpace: "nowrap" }}>
      {text}
    </time>
  );
  if (where === "show") return <ValueGroup label={translateProperty(property.label, resource.id)}>{value}</ValueGroup>;
  return value;
};

export default DateValue;
