// Shows a Decimal column as money in the admin's language (list, show). Values arrive as strings
// ("1234.50") and are formatted from their digits (lib/format), so no amount goes through a float.
import React from "react";
import { useTranslation, type BasePropertyProps } from "adminjs";
import { ValueGroup } from "@adminjs/design-system";
import { formatMoney, pageLanguage } from "../src/lib/format.js";

const Money: React.FC<BasePropertyProps> = ({ record, property, where, resource }) => {
  const { translateProperty } = useTranslation();
  const params = record?.params ?? {};
  const currencyPath = (property.custom as { currencyPath?: string } | undefined)?.currencyPath;
  const currency = String((currencyPath && params[currencyPath]) || "EUR");
  let text: string;
  try {
    text = formatMoney(params[property.path] as string | null | undefined, pageLanguage(), { currency });
  } catch {
    text = `${String(params[property.path])} ${currency}`;
  }
  if (where === "show") return <ValueGroup label={translateProperty(property.label, resource.id)}>{text}</ValueGroup>;
  return <span style={{ whiteSpace: "nowrap" }}>{text}</span>;
};

export default Money;
