// Shows a Decimal column as euros in the admin's language (list, show). Values arrive as strings.
import React from "react";
import type { BasePropertyProps } from "adminjs";
import { ValueGroup } from "@adminjs/design-system";

const Money: React.FC<BasePropertyProps> = ({ record, property, where }) => {
  const raw = record?.params?.[property.path];
  const lang = typeof document !== "undefined" ? document.documentElement.lang || "fr" : "fr";
  const text =
    raw === null || raw === undefined || raw === ""
      ? "—"
      : new Intl.NumberFormat(lang === "en" ? "en-IE" : "fr-FR", { style: "currency", currency: "EUR" }).format(
          Number(raw),
        );
  if (where === "show") return <ValueGroup label={property.label}>{text}</ValueGroup>;
  return <span style={{ whiteSpace: "nowrap" }}>{text}</span>;
};

export default Money;
