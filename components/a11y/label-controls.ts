// Accessible names for the controls AdminJS's stock screens render without one (axe-core "label" and
// "button-name"): the list's select-all and row checkboxes, the filters' inputs (their <label for> names
// an id the input lacks), the date pickers and searchable selects of filters and forms, the pager's
// icon buttons and the filter drawer's close button; and the layout's landmarks. Each name is the words
// beside the control on screen, or the portal's words for an icon (src/admin/locale.ts, messages.a11y*).

export interface ControlWords {
  selectAll: string;
  /** "{{id}}" is replaced by the row's id. */
  selectRecord: string;
  firstPage: string;
  previousPage: string;
  nextPage: string;
  lastPage: string;
  closeFilters: string;
  /** The sidebar's name as a navigation landmark. */
  navigation: string;
}

const PAGER: Record<string, keyof ControlWords> = {
  first: "firstPage",
  previous: "previousPage",
  next: "nextPage",
  last: "lastPage",
};

function hasName(el: HTMLElement): boolean {
  if (el.getAttribute("aria-label")?.trim() || el.getAttribute("aria-labelledby")) return true;
  if (el instanceof HTMLButtonElement) return Boolean(el.textContent?.trim());
  const labels = (el as HTMLInputElement).labels;
  return Boolean(labels && Array.from(labels).some((label) => label.textContent?.trim()));
}

const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

/** The words a field's section shows before `control`: its label, then the nearest label before it. */
function nameFromSection(control: HTMLElement): string {
  const section = control.closest('section[data-testid^="property-"]');
  if (!section) return "";
  const labels = Array.from(section.querySelectorAll("label"));
  const title = text(labels[0]);
  const before = labels.filter(
    (label) => label !== labels[0] && label.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  const part = text(before[before.length - 1]).replace(/^[-–\s]+|[:\s]+$/g, "");
  return part ? `${title} – ${part}` : title;
}

function labelCheckbox(input: HTMLInputElement, words: ControlWords): string {
  const row = input.closest("tr");
  if (row?.closest("thead")) return words.selectAll;
  const id = row?.getAttribute("data-id");
  return id ? words.selectRecord.replace("{{id}}", id) : "";
}

function labelButton(button: HTMLButtonElement, words: ControlWords): string {
  const pager = PAGER[button.getAttribute("data-testid") ?? ""];
  if (pager) return words[pager];
  if (button.closest('[data-css$="filter-drawer-content"]')) return words.closeFilters;
  return "";
}

/** Names every unnamed control under `root` that it can; leaves the others for axe-core to report. */
export function labelControls(root: ParentNode, words: ControlWords): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("input, select, textarea, button"))) {
    if (el instanceof HTMLInputElement && el.type === "hidden") continue;
    if (hasName(el)) continue;
    // A filter's <label for="filter-x"> names the input of that name, which has no id.
    const name = el.getAttribute("name");
    if (name && !el.id && root.querySelector(`label[for="${CSS.escape(name)}"]`)) {
      el.id = name;
      if (hasName(el)) continue;
    }
    let label = "";
    if (el instanceof HTMLButtonElement) label = labelButton(el, words);
    else if (el instanceof HTMLInputElement && el.type === "checkbox") label = labelCheckbox(el, words);
    if (!label) label = nameFromSection(el);
    if (label) {
      el.setAttribute("aria-label", label);
      el.setAttribute("data-a11y-named", "");
    }
  }
}

/**
 * Landmarks for AdminJS's layout (axe-core "region", "landmark-one-main"): the sidebar is the
 * navigation, the top bar the banner, the route's content the main region.
 */
export function markLandmarks(root: Document, words: ControlWords): void {
  const mark = (el: Element | null | undefined, role: string, label?: string) => {
    if (!el || el.getAttribute("role")) return;
    el.setAttribute("role", role);
    if (label) el.setAttribute("aria-label", label);
  };
  mark(root.querySelector('[data-css="sidebar"]'), "navigation", words.navigation);
  mark(root.querySelector('[data-css="topbar"]'), "banner");
  const content = root.querySelector('[data-css="app-content"]');
  const page = Array.from(content?.children ?? []).find(
    (el) => !["topbar", "notice"].includes(el.getAttribute("data-css") ?? ""),
  );
  mark(page, "main");
}

/** Labels the document now and whenever AdminJS renders more; answers the function that stops it. */
export function keepControlsLabelled(words: ControlWords): () => void {
  const run = () => {
    labelControls(document, words);
    markLandmarks(document, words);
  };
  // At once, in the observer's own callback (one per batch of changes): a tab in the background gets no
  // animation frames, so names given in one would never come there. Only attributes are set, which the
  // observer does not watch.
  const observer = new MutationObserver(run);
  observer.observe(document.body, { childList: true, subtree: true });
  run();
  return () => observer.disconnect();
}
