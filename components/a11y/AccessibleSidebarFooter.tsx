// AdminJS's sidebar footer, which every page of the app renders once: it keeps the stock screens'
// controls named for assistive technology (label-controls.ts) in the admin's language.
import React, { useEffect } from "react";
import { useTranslation } from "adminjs";
import { Box } from "@adminjs/design-system";
import { keepControlsLabelled, type ControlWords } from "./label-controls.js";

const AccessibleSidebarFooter: React.FC = () => {
  const { translateMessage, translateLabel, i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    const words: ControlWords = {
      selectAll: translateMessage("a11ySelectAll"),
      selectRecord: translateMessage("a11ySelectRecord", undefined, {
        id: "{{id}}",
        interpolation: { escapeValue: false },
      }),
      firstPage: translateMessage("a11yFirstPage"),
      previousPage: translateMessage("a11yPreviousPage"),
      nextPage: translateMessage("a11yNextPage"),
      lastPage: translateMessage("a11yLastPage"),
      closeFilters: translateMessage("a11yCloseFilters"),
      navigation: translateLabel("navigation"),
    };
    // A change of language renames what is already named.
    for (const el of Array.from(document.querySelectorAll("[data-a11y-named]"))) el.removeAttribute("aria-label");
    document.querySelector('[data-css="sidebar"]')?.removeAttribute("role");
    return keepControlsLabelled(words);
  }, [language]); // translateMessage is a new function at each render; the words change with the language
  return <Box mt="lg" mb="md" data-css="sidebar-footer" />;
};

export default AccessibleSidebarFooter;
