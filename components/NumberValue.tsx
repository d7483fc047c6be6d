// A whole number (a count, tokens, a priority) in lists and record pages, grouped as the admin's
// language writes it: "12 345" in French, "12,345" in English (lib/format).
import React from "react";
import { useTranslation, type BasePropertyProps } from "adminjs";
import { ValueGroup } from "@adminjs/design-system";
import { formatNumber, pageLanguage } from "../src/lib/format.js";

const NumberValue: React.FC<BasePropertyProps> = ({ record, property, where, resource }) => {
  const { translateProperty } = useTranslation();
  const raw = record?.params?.[property.path] as string | number | null | undefined;
  let text: string;
  try {
    text = formatNumber(raw, pageLanguage());
  } catch {
    text = String(raw);
  }
  if (where === "show") return <ValueGroup label={translateProperty(property.label, resource.id)}>{text}</ValueGroup>;
  return <span style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>{text}</span>;
};

export default NumberValue;
