// A whole number (a count, tokens, a priority) or a rate in percent in lists and record pages, as the
// admin's language writes it: "12 345" and "20 %" in French, "12,345" and "20%" in English (lib/format).
import React from "react";
import { useTranslation, type BasePropertyProps } from "adminjs";
import { ValueGroup } from "@adminjs/design-system";
import { formatNumber, formatPercent, pageLanguage } from "../src/lib/format.js";

const NumberValue: React.FC<BasePropertyProps> = ({ record, property, where, resource }) => {
  const { translateProperty } = useTranslation();
  const raw = record?.params?.[property.path] as string | number | null | undefined;
  let text: string;
  try {
    // A rate stored in percent (vat_rate 20.00): "20 %" / "20%".
    const percent = (property.custom as { percent?: boolean } | undefined)?.percent;
    text =
      percent && raw !== null && raw !== undefined && raw !== ""
        ? formatPercent(`${String(raw)}e-2`, pageLanguage(), { maximumFractionDigits: 2 })
        : formatNumber(raw, pageLanguage());
  } catch {
    text = String(raw);
  }
  if (where === "show") return <ValueGroup label={translateProperty(property.label, resource.id)}>{text}</ValueGroup>;
  return <span style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>{text}</span>;
};

export default NumberValue;
