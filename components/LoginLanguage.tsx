// AdminJS's login page, unchanged, with a FR | EN switch in its corner. Each is a plain link
// (GET /admin/language/:lang, src/modules/auth/language.ts): the browser remembers the choice, the page
// comes back in it, and the account that logs in next takes it.
import React from "react";

type LoginProps = Record<string, unknown> & { OriginalComponent?: React.ComponentType<Record<string, unknown>> };

const LANGUAGES = [
  { code: "fr", label: "FR", name: "Français" },
  { code: "en", label: "EN", name: "English" },
] as const;

const LoginLanguage: React.FC<LoginProps> = ({ OriginalComponent, ...props }) => {
  const current = typeof document === "undefined" ? "fr" : document.documentElement.lang || "fr";
  const root = (window as { REDUX_STATE?: { paths?: { rootPath?: string } } }).REDUX_STATE?.paths?.rootPath ?? "/admin";
  const base = root.replace(/\/+$/, "");
  return (
    <>
      <nav
        aria-label="Langue / Language"
        data-testid="login-language"
        style={{ position: "fixed", top: 16, right: 16, zIndex: 10, fontSize: 14, fontFamily: "sans-serif" }}
      >
        {LANGUAGES.map((language, i) => (
          <React.Fragment key={language.code}>
            {i > 0 ? <span aria-hidden="true"> | </span> : null}
            {language.code === current ? (
              <strong lang={language.code} aria-current="true" title={language.name}>
                {language.label}
              </strong>
            ) : (
              <a
                href={`${base}/language/${language.code}?next=${encodeURIComponent(`${base}/login`)}`}
                lang={language.code}
                hrefLang={language.code}
                title={language.name}
                style={{ color: "#1c4fd8" }}
              >
                {language.label}
              </a>
            )}
          </React.Fragment>
        ))}
      </nav>
      {OriginalComponent ? <OriginalComponent {...props} /> : null}
    </>
  );
};

export default LoginLanguage;
