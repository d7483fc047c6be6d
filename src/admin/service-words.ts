// The field messages of the services are English, as problem+json carries them to REST clients. On an
// AdminJS page the admin reads them in their language: the common ones are turned into message keys
// here ($t(messages.<key>), which i18next resolves in the browser's language); any other stays as
// the service wrote it.
const t = (key: string) => `$t(messages.${key})`;

const WORDED: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => string]> = [
  [/^(?:is )?required$/, () => t("fieldRequired")],
  [/^an amount in euros like 12\.50$/, () => t("fieldMoney")],
  [/^ambiguous: "1,234" reads as 1\.234 or as 1234$/, () => t("fieldMoneyAmbiguous")],
  [/^must be more than 0(?:\.00)?$/, () => t("fieldPositive")],
  [/^at most (\d+) characters$/, (match) => `${t("fieldTooLong")} ${match[1]}`],
  [/^not valid JSON$/, () => t("fieldJson")],
  [/^must be fr or en$/, () => t("fieldInvalidChoice")],
];

/** A service's field message as AdminJS words it in the admin's language (unchanged if unknown). */
export function serviceFieldWords(message: string): string {
  for (const [pattern, words] of WORDED) {
    const match = pattern.exec(message);
    if (match) return words(match);
  }
  return message;
}
