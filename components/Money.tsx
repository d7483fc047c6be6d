// Shows a Decimal column as money in the admin's language (list, show). Values arrive as strings
// ("1234.50") and are formatted as strings, so no amount goes through a float.
import React from "react";
import { useTranslation, type BasePropertyProps } from "adminjs";
import { ValueGroup } from "@adminjs/design-system";

function format(raw: unknown, currency: string): string {
  if (raw === null || raw === undefined || raw === "") return "—";
  const lang = typeof document !== "undefined" ? document.documentElement.lang || "fr" : "fr";
  const formatter = new Intl.NumberFormat(lang === "en" ? "en-IE" : "fr-FR", { style: "currency", currency });
  // Intl formats a numeric string exactly (ES2023); older engines convert it to a number, still exact to the cent.
  return formatter.format(String(raw) as unknown as number);
}

const Money: React.FC<BasePropertyProps> = ({ record, property, where, resource }) => {
  const { translateProperty } = useTranslation();
  const params = record?.params ?? {};
  const currencyPath = (property.custom as { currencyPath?: string } | undefined)?.currencyPath;
  const currency = String((currencyPath && params[currencyPath]) || "EUR");
  let text: string;
  try {
    text = format(params[property.path], currency);
  } catch {
    text = `${String(params[property.path])} ${currency}`;
  }
  if (where === "show") return <ValueGroup label={translateProperty(property.label, resource.id)}>{text}</ValueGroup>;
  return <span style={{ whiteSpace: "nowrap" }}>{text}</span>;
};

export default Money;
