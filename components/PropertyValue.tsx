// AdminJS's value of a plain property (lists and record pages), with enum values as badges coloured by
// their meaning instead of all grey. The words are looked up exactly as AdminJS does, so an enum's
// translations apply unchanged.
import React from "react";
import { useTranslation, type ShowPropertyProps } from "adminjs";
import StatusBadge from "./StatusBadge.js";

/** "past_due" -> "Past Due", as AdminJS writes a value without a translation. */
const startCase = (value: string) =>
  value
    .replace(/[_-]+/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .trim()
    .replace(/\b\w/g, (c) => c.toUpperCase());

/**
 * The language of a column written in one language (subjectEn, bodyFr): its value is marked with it, so
 * that a screen reader reads it as such on a page in the other language (WCAG 3.1.2).
 */
const languageOfColumn = (path: string): "en" | "fr" | undefined =>
  (/[a-z](En|Fr)$/.exec(path)?.[1]?.toLowerCase() as "en" | "fr" | undefined) ?? undefined;

const PropertyValue: React.FC<ShowPropertyProps> = ({ property, record, resource }) => {
  const { tl } = useTranslation();
  const raw: unknown = record?.params[property.path];
  if (raw === undefined) return null;
  const option = property.availableValues?.find((o) => o.value == raw);
  if (!option) {
    const lang = languageOfColumn(property.path);
    return lang ? <span lang={lang}>{raw as React.ReactNode}</span> : <>{raw as React.ReactNode}</>;
  }
  const label = option.label || String(raw);
  return (
    <StatusBadge value={raw}>
      {tl(`${property.propertyPath}.${label}`, resource.id, { defaultValue: startCase(label) })}
    </StatusBadge>
  );
};

export default PropertyValue;
