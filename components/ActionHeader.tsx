// AdminJS's action header, laid out so that it never overflows: at most three record actions as
// buttons (delete always in the menu), the others in a "More" menu; the heading of a record page is
// the record's title, which wraps instead of running under the buttons. It also keeps list cells of
// ids, numbers, money, dates and codes on one line (the table spec marks them `custom.oneLine`).
import React from "react";
import { useLocation, useNavigate } from "react-router";
import { Badge, Box, ButtonGroup, H2, type ButtonInGroupProps } from "@adminjs/design-system";
import {
  Breadcrumbs,
  OriginalActionHeader,
  actionHref,
  buildActionClickHandler,
  buildActionTestId,
  useActionResponseHandler,
  useFilterDrawer,
  useModal,
  useTranslation,
  type ActionHeaderProps,
  type ActionJSON,
} from "adminjs";

/** How many record actions show as buttons; the rest go in the "More" menu. */
const VISIBLE_ACTIONS = 3;

/** Orders a record's actions for the header: the first few as buttons, the others (delete always) in a menu. */
function splitActions(actions: ActionJSON[]): { shown: ActionJSON[]; more: ActionJSON[] } {
  const destructive = (a: ActionJSON) => a.name === "delete" || a.variant === "danger";
  const safe = actions.filter((a) => !destructive(a));
  const shown = safe.slice(
    0,
    actions.length <= VISIBLE_ACTIONS && !actions.some(destructive) ? VISIBLE_ACTIONS : VISIBLE_ACTIONS - 1,
  );
  return { shown, more: actions.filter((a) => !shown.includes(a)) };
}

// List cells break between words only ("Emma Leroy", never "Emm/a"): a column is as wide as its
// longest word, and a word longer than the page still wraps.
const WORDS_CSS = '[data-css$="-table-cell"]{word-break:normal;overflow-wrap:break-word}';

/** CSS keeping the marked list cells of a resource on one line. */
function oneLineCss(resource: ActionHeaderProps["resource"]): string {
  return (
    WORDS_CSS +
    resource.listProperties
      .filter((p) => (p.custom as { oneLine?: boolean } | undefined)?.oneLine)
      .map((p) => `[data-css="${resource.id}-${p.name}-table-cell"]{white-space:nowrap}`)
      .join("")
  );
}

const ActionHeader: React.FC<ActionHeaderProps> = (props) => {
  const { resource, actionPerformed, record, action, tag, omitActions, toggleFilter: filterButton } = props;
  const translateFunctions = useTranslation();
  const { translateAction, translateButton, translateLabel, translateMessage } = translateFunctions;
  const navigate = useNavigate();
  const location = useLocation();
  const actionResponseHandler = useActionResponseHandler(actionPerformed);
  const modalFunctions = useModal();
  const { toggleFilter, filtersCount } = useFilterDrawer();

  if (action.hideActionHeader) return null;
  // A drawer's header (new, edit and custom forms opened beside a list) has its own back button: AdminJS's.
  if (action.showInDrawer) return <OriginalActionHeader {...props} />;

  const resourceId = resource.id;
  const params = { resourceId, recordId: record?.id };
  const button = (source: ActionJSON, target = params): ButtonInGroupProps => {
    const href = actionHref(source, target);
    return {
      icon: source.icon,
      label: translateAction(source.label, resourceId),
      variant: source.variant,
      href: href || undefined,
      onClick: href
        ? (event: React.MouseEvent) =>
            buildActionClickHandler({
              action: source,
              params: target,
              actionResponseHandler,
              navigate,
              location,
              translateFunctions,
              modalFunctions,
            })(event)
        : undefined,
      "data-testid": buildActionTestId(source),
      "data-css": `${source.resourceId}-${source.name}-button`,
    } as ButtonInGroupProps;
  };

  const others = record
    ? record.recordActions.filter((a) => a.name !== action.name)
    : resource.resourceActions.filter((a) => a.name === "new" && a.name !== action.name);
  const { shown, more } = splitActions(others);
  const buttons: ButtonInGroupProps[] = shown.map((a) => button(a));
  if (more.length) {
    buttons.push({
      icon: "MoreHorizontal",
      label: translateMessage("moreActions", resourceId),
      "data-testid": "more-actions",
      buttons: more.map((a) => button(a)),
    } as ButtonInGroupProps);
  }
  if (filterButton) {
    buttons.push({
      label: translateButton(filtersCount > 0 ? "filterActive" : "filter", resourceId, { count: filtersCount }),
      onClick: toggleFilter,
      icon: "Filter",
      "data-css": `${resourceId}-filter-button`,
    } as ButtonInGroupProps);
  }
  const resourceButtons = action.showResourceActions
    ? resource.resourceActions.filter((a) => !["list", "new"].includes(a.name))
    : [];
  const topButtons =
    resourceButtons.length <= VISIBLE_ACTIONS
      ? resourceButtons.map((a) => button(a, { resourceId, recordId: undefined }))
      : [
          ...resourceButtons.slice(0, VISIBLE_ACTIONS - 1).map((a) => button(a, { resourceId, recordId: undefined })),
          {
            icon: "MoreHorizontal",
            label: translateMessage("moreActions", resourceId),
            buttons: resourceButtons
              .slice(VISIBLE_ACTIONS - 1)
              .map((a) => button(a, { resourceId, recordId: undefined })),
          } as ButtonInGroupProps,
        ];

  // A record page is headed by the record, a list by its table, any other page by its action.
  const heading = record
    ? record.title || `#${record.id}`
    : action.name === "list"
      ? translateLabel(resourceId)
      : translateAction(action.label, resourceId);
  const css = oneLineCss(resource);

  return (
    <Box className="adminjs_ActionHeader" data-css={`${resourceId}-${action.name}-action-header`}>
      <style>{css}</style>
      <Box flex flexDirection="row" flexWrap="wrap" alignItems="center" style={{ gap: 8 }} px={["default", 0]}>
        <Box flexGrow={1} style={{ minWidth: 0 }}>
          <Breadcrumbs resource={resource} actionName={action.name} record={record} />
        </Box>
        {topButtons.length ? <ButtonGroup size="sm" rounded buttons={topButtons} /> : null}
      </Box>
      <Box
        flex
        flexDirection="row"
        flexWrap="wrap"
        alignItems="flex-start"
        justifyContent="space-between"
        style={{ gap: 16 }}
        mt="lg"
        mb="default"
        px={["default", 0]}
      >
        <Box style={{ flex: "1 1 280px", minWidth: 0 }}>
          <H2 mb="sm" data-testid="record-heading" style={{ overflowWrap: "anywhere" }}>
            {heading}
            {tag ? (
              <Badge variant="default" outline ml="default">
                {tag}
              </Badge>
            ) : null}
          </H2>
          {record ? (
            <Badge variant="default" outline size="sm">
              {translateAction(action.label, resourceId)}
            </Badge>
          ) : null}
        </Box>
        {!omitActions && buttons.length ? (
          <Box style={{ flex: "0 1 auto", maxWidth: "100%" }} mb="lg">
            <ButtonGroup buttons={buttons} />
          </Box>
        ) : null}
      </Box>
    </Box>
  );
};

export default ActionHeader;
