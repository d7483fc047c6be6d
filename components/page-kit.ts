// What the custom pages (dashboard, Queue IA, Revenue) share: text colours that keep WCAG AA contrast
// (4.5:1 and more on white and on AdminJS's grey background), counts with their plural (ICU rules of the
// page's language), money axis ticks in the locale, and the props of a keyboard-reachable scroll region.
import type React from "react";
import { formatNumber, LOCALES, pageLanguage } from "../src/lib/format.js";

/** Text colours: contrast on #fff / on #f6f7fb. */
export const TEXT_COLOURS = {
  /** 5.4:1 / 5.0:1 */
  good: "#1a7a44",
  /** 6.6:1 / 6.1:1 */
  bad: "#b42318",
  /** 5.8:1 / 5.4:1 */
  warning: "#9a5300",
  /** 6.7:1 / 6.3:1: secondary text (AdminJS's grey60 is 3.4:1). */
  muted: "#595b6a",
  /** 6.6:1 / 6.2:1: the chart line and the brand accents drawn as text. */
  accent: "#3050d0",
} as const;

type Translate = (key: string) => string;

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural category of `n` in the page's language ("one", "other", ...). */
export function pluralCategory(n: number): Intl.LDMLPluralRule {
  const locale = LOCALES[pageLanguage()];
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}

/**
 * "1 alerte", "2 alertes" / "0 alerte" (French) and "0 alerts" (English): the words of `key_one` or
 * `key_other` (a message of the module's locale) after the count in the page's language.
 */
export function countOf(translate: Translate, key: string, n: number): string {
  return `${formatNumber(n, pageLanguage())} ${plural(translate, key, n)}`;
}

/** The words of `key_one` or `key_other` for `n`, without the count. */
export function plural(translate: Translate, key: string, n: number): string {
  return translate(`${key}_${pluralCategory(n) === "one" ? "one" : "other"}`);
}

/** A money axis tick (a float chart.js chose): "4 800 €" / "€4,800", decimals only where the step needs them. */
export function moneyTick(value: number | string): string {
  const n = Number(value);
  return new Intl.NumberFormat(LOCALES[pageLanguage()], {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: 0,
    maximumFractionDigits: Number.isInteger(n) ? 0 : 2,
  }).format(n);
}

/** A count axis tick: "4 800" / "4,800". */
export function countTick(value: number | string): string {
  return formatNumber(String(value), pageLanguage());
}

/** A duration in hours as the locale writes it: "5 h" / "5 hr"; past two days, "2 j 3 h" / "2 days 3 hr". */
export function durationHours(hours: number): string {
  const locale = LOCALES[pageLanguage()];
  const unit = (value: number, name: "hour" | "day") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
  if (hours < 48) return unit(Math.floor(hours), "hour");
  return `${unit(Math.floor(hours / 24), "day")} ${unit(Math.floor(hours % 24), "hour")}`;
}

/** A region that scrolls sideways: reachable with the keyboard (Tab, then the arrows) and named. */
export function scrollRegion(label: string) {
  return { tabIndex: 0, role: "region", "aria-label": label } as const;
}

/** Hidden from sight, read by screen readers (a chart's table of values). */
export const visuallyHidden: React.CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0, 0, 0, 0)",
  whiteSpace: "nowrap",
  border: 0,
};
