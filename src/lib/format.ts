// Money, numbers, percentages and dates as the portal shows them, in French or English, on
// Intl.NumberFormat and Intl.DateTimeFormat. Used by the PDFs, the e-mails and the React components
// (bundled for the browser: this file imports nothing).
//
// Exact figures: a decimal string ("1234.505"), a Decimal (anything with toFixed()) or integer cents is
// rounded half-up (away from zero) in decimal arithmetic on its digits, and Intl only draws the result:
// it is given the whole units as a bigint and the decimals are put in its fraction part. No amount goes
// through a float. A JS number is taken by its shortest decimal form (String(n)).

export type Language = "fr" | "en";

export const LOCALES: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

/** What a missing figure shows. */
export const EMPTY = "—";

/** A figure: a decimal string, a number, a bigint, or a Decimal (Prisma.Decimal, decimal.js). */
export type DecimalLike = string | number | bigint | { toFixed(): string };

/** "en" for English ("en", "en-GB"), otherwise French, the portal's first language. */
export function languageOf(tag: string | null | undefined): Language {
  return tag && /^en\b/i.test(tag) ? "en" : "fr";
}

/** The language of the page (the admin's AdminJS language), for components; French outside a browser. */
export function pageLanguage(): Language {
  return typeof document === "undefined" ? "fr" : languageOf(document.documentElement.lang);
}

// ---------------------------------------------------------------------------------------------
// Exact decimals
// ---------------------------------------------------------------------------------------------

/** value = (negative ? -1 : 1) * digits * 10^exponent */
interface Exact {
  negative: boolean;
  digits: bigint;
  exponent: number;
}

function toExact(value: DecimalLike): Exact {
  if (typeof value === "bigint") return { negative: value < 0n, digits: value < 0n ? -value : value, exponent: 0 };
  if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : value.toFixed();
  const match = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  const whole = match?.[2] ?? "";
  const fraction = match?.[3] ?? "";
  if (!match || whole.length + fraction.length === 0) throw new RangeError(`Not a decimal number: "${text}"`);
  return {
    negative: match[1] === "-",
    digits: BigInt(whole + fraction),
    exponent: Number(match[4] ?? 0) - fraction.length,
  };
}

/** The value times 10^places, rounded half-up (away from zero) to an integer; sign apart. */
function scaled({ digits, exponent }: Exact, places: number): bigint {
  const shift = exponent + places;
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const quotient = digits / divisor;
  return 2n * (digits % divisor) >= divisor ? quotient + 1n : quotient;
}

/** Rounded to at most `max` decimals, trailing zeros dropped down to `min`: sign, units, decimals. */
function rounded(exact: Exact, min: number, max: number): { negative: boolean; units: bigint; decimals: string } {
  const n = scaled(exact, max);
  const text = n.toString().padStart(max + 1, "0");
  let decimals = max ? text.slice(-max) : "";
  while (decimals.length > min && decimals.endsWith("0")) decimals = decimals.slice(0, -1);
  return { negative: exact.negative && n !== 0n, units: BigInt(max ? text.slice(0, -max) : text), decimals };
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * Formats an exact value with an Intl style: Intl formats the units (a bigint, so exactly) with as many
 * zero decimals as needed, and the decimals computed here replace those zeros.
 */
function formatExact(
  value: DecimalLike,
  language: Language,
  options: Intl.NumberFormatOptions,
  min: number,
  max: number,
  shift = 0,
): string {
  const exact = toExact(value);
  exact.exponent += shift;
  const { negative, units, decimals } = rounded(exact, min, max);
  const format = numberFormat(language, {
    ...options,
    minimumFractionDigits: decimals.length,
    maximumFractionDigits: decimals.length,
  });
  // Intl drops the sign of zero, so -0.50 is drawn as -1.xx with its units put back to 0.
  const drawn = units === 0n && negative ? -1n : negative ? -units : units;
  return format
    .formatToParts(drawn)
    .map((part) => {
      if (part.type === "fraction") return decimals;
      if (part.type === "integer" && units === 0n) return "0";
      return part.value;
    })
    .join("");
}

// ---------------------------------------------------------------------------------------------
// Money, numbers, percentages
// ---------------------------------------------------------------------------------------------

export interface MoneyOptions {
  /** ISO 4217 code; EUR by default. Shown as its symbol for EUR, as its code otherwise ("12,30 USD"). */
  currency?: string;
}

function currencyDigits(language: Language, currency: string): number {
  return numberFormat(language, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * An amount in its currency: "1 234,56 €" (narrow no-break space between thousands, no-break space
 * before €) in French, "€1,234.56" in English; rounded half-up to the currency's decimals (cents).
 */
export function formatMoney(
  amount: DecimalLike | null | undefined,
  language: Language,
  { currency = "EUR" }: MoneyOptions = {},
): string {
  if (amount === null || amount === undefined || amount === "") return EMPTY;
  if (!/^[A-Za-z]{3}$/.test(currency)) return `${formatNumber(amount, language, { fractionDigits: 2 })} ${currency}`;
  const code = currency.toUpperCase();
  const digits = currencyDigits(language, code);
  const style: Intl.NumberFormatOptions = {
    style: "currency",
    currency: code,
    currencyDisplay: code === "EUR" ? "symbol" : "code",
  };
  return formatExact(amount, language, style, digits, digits);
}

/** An amount given in integer cents (minor units): 123456 -> "1 234,56 €". */
export function formatCents(
  cents: number | bigint | null | undefined,
  language: Language,
  options: MoneyOptions = {},
): string {
  if (cents === null || cents === undefined) return EMPTY;
  if (typeof cents === "number" && !Number.isSafeInteger(cents)) throw new RangeError(`Not integer cents: ${cents}`);
  const currency = (options.currency ?? "EUR").toUpperCase();
  const digits = /^[A-Z]{3}$/.test(currency) ? currencyDigits(language, currency) : 2;
  const exact = toExact(BigInt(cents));
  return formatMoney(`${exact.negative ? "-" : ""}${exact.digits}e-${digits}`, language, options);
}

export interface NumberOptions {
  /** Exactly this many decimals. */
  fractionDigits?: number;
  /** Decimals kept at least / at most (trailing zeros dropped between them); 0 and 3 by default. */
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
}

function digitsOf(options: NumberOptions, defaultMax: number): [number, number] {
  const max = options.fractionDigits ?? options.maximumFractionDigits ?? defaultMax;
  const min = options.fractionDigits ?? options.minimumFractionDigits ?? 0;
  return [Math.min(min, max), max];
}

/** A count or measure: "1 234 567,5" in French, "1,234,567.5" in English. */
export function formatNumber(
  value: DecimalLike | null | undefined,
  language: Language,
  options: NumberOptions = {},
): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  const [min, max] = digitsOf(options, 3);
  return formatExact(value, language, { style: "decimal" }, min, max);
}

/**
 * A ratio as a percentage: 0.0523 -> "5,2 %" in French, "5.2%" in English. One decimal by default
 * (`fractionDigits: 2` for two, `maximumFractionDigits: 1` to drop a trailing zero).
 */
export function formatPercent(
  ratio: DecimalLike | null | undefined,
  language: Language,
  options: NumberOptions = {},
): string {
  if (ratio === null || ratio === undefined || ratio === "") return EMPTY;
  const [min, max] =
    options.fractionDigits === undefined &&
    options.minimumFractionDigits === undefined &&
    options.maximumFractionDigits === undefined
      ? [1, 1]
      : digitsOf(options, 1);
  // Unit "percent" draws the number as given (style "percent" would multiply it): the ratio is shifted here.
  return formatExact(ratio, language, { style: "unit", unit: "percent" }, min, max, 2);
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/**
 * The date formats of the portal. Dates are UTC calendar days, as the billing module counts them; a
 * date and time ("dateTime") is shown in the reader's time zone.
 */
export const DATE_STYLES = {
  /** 15/10/2026 */
  numeric: { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" },
  /** 15 octobre 2026 / 15 October 2026 */
  long: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
  /** 15 oct. 2026 / 15 Oct 2026 */
  medium: { dateStyle: "medium", timeZone: "UTC" },
  /** 15 oct. / 15 Oct */
  dayMonth: { day: "numeric", month: "short", timeZone: "UTC" },
  /** octobre 2026 / October 2026 */
  month: { month: "long", year: "numeric", timeZone: "UTC" },
  /** oct. 26 / Oct 26 */
  monthShort: { month: "short", year: "2-digit", timeZone: "UTC" },
  /** 15 oct. 2026, 14:30 (the reader's time zone) */
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  /**
   * 15 oct. 2026, 16:30 UTC+2 / 15 Oct 2026, 16:30 CEST: an instant (a created_at, a sent_at) in the
   * business's time zone, named, so that two readers in different zones read the same figures.
   */
  timestamp: {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Paris",
    timeZoneName: "short",
  },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof DATE_STYLES;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date (a Date, an ISO string or "YYYY-MM-DD", a timestamp) in one of the portal's styles. */
export function formatDate(
  value: Date | string | number | null | undefined,
  language: Language,
  style: DateStyle = "medium",
): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  const key = `${language} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], DATE_STYLES[style]);
    dateFormats.set(key, format);
  }
  return format.format(at);
}

// ---------------------------------------------------------------------------------------------
// Plurals
// ---------------------------------------------------------------------------------------------

/** The forms of a counted word; `#` stands for the count ("# alertes"). French 0 and 1 take `one`. */
export interface PluralForms {
  one: string;
  other: string;
  /** French "many" (1 000 000 de…); `other` when absent. */
  many?: string;
  /** English 0 may read apart ("no alerts"); the plural rule's form when absent. */
  zero?: string;
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The count in the language's number format inside its plural form: 1 -> "1 alerte", 2 -> "2 alertes". */
export function formatCount(count: number | bigint, language: Language, forms: PluralForms): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[language]);
    pluralRules.set(language, rules);
  }
  const n = typeof count === "bigint" ? Number(count) : count;
  const rule = rules.select(n);
  const form =
    n === 0 && forms.zero !== undefined
      ? forms.zero
      : rule === "one"
        ? forms.one
        : rule === "many"
          ? (forms.many ?? forms.other)
          : forms.other;
  return form.replace(/#/g, formatNumber(count, language));
}

// ---------------------------------------------------------------------------------------------
// Amounts typed by people
// ---------------------------------------------------------------------------------------------

/** An amount as typed, read: its decimal text ("1234.50"), or why it cannot be read. */
export type AmountInput =
  | { ok: true; value: string }
  /** fieldMoney: not a number; fieldMoneyAmbiguous: "1,234" could be 1.234 or 1234. */
  | { ok: false; reason: "fieldMoney" | "fieldMoneyAmbiguous" };

const GROUPED = /^\d{1,3}(?:[ ,.]\d{3})+$/;

/**
 * Reads an amount typed in French or English: "1,50", "1.50", "1 234,50", "1,234.50", "1.234,50",
 * "€12", "12 €", "-3". A comma or a point is the decimal mark unless it groups thousands; one mark
 * followed by exactly three digits ("1,234", "1.234") could be either and is refused as ambiguous.
 * Pure text work: no float, no locale guessing from the browser.
 */
export function parseAmount(input: string): AmountInput {
  const bad = { ok: false, reason: "fieldMoney" } as const;
  let text = input.trim().replace(/^(?:€|EUR)\s*|\s*(?:€|EUR)$/gi, "");
  let sign = "";
  if (/^[-+]/.test(text)) {
    sign = text[0] === "-" ? "-" : "";
    text = text.slice(1).trim();
  }
  // Spaces (no-break and narrow ones too) and apostrophes only group thousands.
  text = text.replace(/[\s\u00a0\u202f']/g, " ");
  if (!/^[\d ,.]+$/.test(text) || !/\d/.test(text)) return bad;
  const lastComma = text.lastIndexOf(",");
  const lastPoint = text.lastIndexOf(".");
  let whole: string;
  let fraction = "";
  if (lastComma >= 0 && lastPoint >= 0) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const mark = Math.max(lastComma, lastPoint);
    whole = text.slice(0, mark);
    fraction = text.slice(mark + 1);
    if (whole.includes(text[mark]!)) return bad;
  } else {
    const markChar = lastComma >= 0 ? "," : lastPoint >= 0 ? "." : "";
    const count = markChar ? text.split(markChar).length - 1 : 0;
    if (count > 1) {
      // "1.234.567": the mark groups thousands.
      whole = text;
    } else if (count === 1) {
      const at = text.indexOf(markChar);
      const before = text.slice(0, at);
      const after = text.slice(at + 1);
      if (/^\d{3}$/.test(after) && /^\d{1,3}$/.test(before) && before !== "0") {
        return { ok: false, reason: "fieldMoneyAmbiguous" };
      }
      whole = before;
      fraction = after;
    } else {
      whole = text;
    }
  }
  if (!/^\d*$/.test(fraction)) return bad;
  if (/[ ,.]/.test(whole)) {
    // Thousands grouped by one kind of mark, in threes: "1 234 567", "1.234.567".
    if (!GROUPED.test(whole) || new Set(whole.replace(/\d/g, "")).size > 1) return bad;
    whole = whole.replace(/[ ,.]/g, "");
  }
  if (!/^\d*$/.test(whole) || whole.length + fraction.length === 0) return bad;
  const digits = (whole.replace(/^0+(?=\d)/, "") || "0") + (fraction ? `.${fraction}` : "");
  return { ok: true, value: sign && /[1-9]/.test(digits) ? `-${digits}` : digits };
}
