// react-select's own English ("Select...", "No options", "Loading...") in every select and filter of
// AdminJS, in the page's language: the design system's Select and SelectAsync take their defaults from
// defaultProps, set here once when the components bundle loads (a language change reloads the page).
// The words come from the page's AdminJS state (messages.select* in src/admin/locale.ts).
import { Select, SelectAsync } from "@adminjs/design-system";

interface PageState {
  locale?: { language?: string; translations?: Record<string, { messages?: Record<string, string> }> };
}

export function applySelectWords(): void {
  if (typeof window === "undefined") return;
  const locale = (window as { REDUX_STATE?: PageState }).REDUX_STATE?.locale;
  const messages = locale?.translations?.[locale.language ?? "fr"]?.messages ?? {};
  const words = {
    placeholder: messages.selectPlaceholder ?? "…",
    noOptionsMessage: () => messages.selectNoOptions ?? "—",
    loadingMessage: () => messages.selectLoading ?? "…",
  };
  for (const component of [Select, SelectAsync] as unknown as { defaultProps?: Record<string, unknown> }[]) {
    component.defaultProps = { ...component.defaultProps, ...words };
  }
}

applySelectWords();
