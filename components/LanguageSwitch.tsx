// AdminJS's top bar, unchanged, plus what makes its language selector stick: a language picked there is
// stored on the admin's row (POST /admin/account/language, src/modules/auth/language.ts) and the page
// reloads in it, so <html lang>, dates, numbers and money follow and a reload or a new login keeps it.
import React, { useEffect } from "react";
import { useTranslation } from "adminjs";
// Loaded with the top bar, on every page after login: react-select's words in the page's language.
import "./select-words.js";

type TopBarProps = Record<string, unknown> & { OriginalComponent?: React.ComponentType<Record<string, unknown>> };

const LanguageSwitch: React.FC<TopBarProps> = ({ OriginalComponent, ...props }) => {
  const { i18n } = useTranslation();
  useEffect(() => {
    const stored = document.documentElement.lang;
    const onChange = (language: string) => {
      if (language === stored || (language !== "fr" && language !== "en")) return;
      document.documentElement.lang = language;
      const root = (window as { REDUX_STATE?: { paths?: { rootPath?: string } } }).REDUX_STATE?.paths?.rootPath;
      fetch(`${(root ?? "/admin").replace(/\/+$/, "")}/account/language`, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ language }),
      }).then(
        (res) => {
          if (res.ok) window.location.reload();
        },
        () => undefined,
      );
    };
    i18n.on("languageChanged", onChange);
    return () => i18n.off("languageChanged", onChange);
  }, [i18n]);
  return OriginalComponent ? <OriginalComponent {...props} /> : null;
};

export default LanguageSwitch;
