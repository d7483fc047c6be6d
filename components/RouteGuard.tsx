// AdminJS's page, list, record and action routes, with a 403 or 404 page inside the layout
// (ErrorPage.tsx) where AdminJS would show its "not found" illustration. Registered as the override of
// ResourceRoute, ResourceActionRoute, RecordActionRoute, BulkActionRoute and PageRoute: it renders
// AdminJS's own route and, when that shows one of its "not found" boxes, asks the server once whether
// the thing is missing (404) or forbidden to this admin (403; src/http/auth-guards.ts forbiddenAs403).
import React, { useEffect, useRef, useState } from "react";
import { useSelector } from "react-redux";
import { useParams } from "react-router";
import type { PageJSON, ResourceJSON } from "adminjs";
import ErrorPage from "./ErrorPage.js";

type Params = { resourceId?: string; actionName?: string; recordId?: string; pageName?: string };
type Status = 403 | 404;

/** AdminJS's boxes for a resource, an action or a record it cannot show. */
const NOT_FOUND_BOXES = [
  '[data-testid="NoResourceError"]',
  '[data-testid="NoActionError"]',
  '[data-testid="NoRecordError"]',
];

/** The API request AdminJS's route makes for these parameters, to read its status. */
function probeUrl({ resourceId, actionName, recordId }: Params): string | null {
  if (!resourceId) return null;
  const resource = `/admin/api/resources/${encodeURIComponent(resourceId)}`;
  if (recordId && actionName)
    return `${resource}/records/${encodeURIComponent(recordId)}/${encodeURIComponent(actionName)}`;
  return `${resource}/actions/${encodeURIComponent(actionName ?? "list")}`;
}

async function probe(params: Params, signal: AbortSignal): Promise<Status> {
  const url = probeUrl(params);
  if (!url) return 404;
  const response = await fetch(url, { credentials: "same-origin", signal, headers: { Accept: "application/json" } });
  return response.status === 403 ? 403 : 404;
}

const RouteGuard: React.FC<{ OriginalComponent: React.ComponentType<object> } & Record<string, unknown>> = ({
  OriginalComponent,
  ...props
}) => {
  const params = useParams() as Params;
  const resources = useSelector((state: { resources: ResourceJSON[] }) => state.resources);
  const pages = useSelector((state: { pages: PageJSON[] }) => state.pages);
  const [status, setStatus] = useState<Status | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const key = `${params.resourceId}/${params.recordId}/${params.actionName}/${params.pageName}`;
  const unknownPage = params.pageName !== undefined && !pages.some((p) => p.name === params.pageName);

  useEffect(() => {
    setStatus(null);
    const element = box.current;
    if (!element || unknownPage) return;
    const controller = new AbortController();
    let asked = false;
    const check = () => {
      if (asked || !element.querySelector(NOT_FOUND_BOXES.join(","))) return;
      asked = true;
      observer.disconnect();
      probe(params, controller.signal)
        .then(setStatus)
        .catch(() => undefined);
    };
    const observer = new MutationObserver(check);
    observer.observe(element, { childList: true, subtree: true });
    check();
    return () => {
      observer.disconnect();
      controller.abort();
    };
    // `params` is read through `key`, the string of its values.
  }, [key, unknownPage]);

  if (unknownPage) return <ErrorPage status={404} />;
  if (status) {
    const resource = resources.find((r) => r.id === params.resourceId);
    const listable = resource?.resourceActions.some((a) => a.name === "list");
    const onList = params.actionName === undefined || params.actionName === "list";
    return <ErrorPage status={status} listHref={listable && !onList ? `/admin/resources/${resource!.id}` : null} />;
  }
  return (
    <div ref={box} style={{ display: "contents" }}>
      <OriginalComponent {...props} />
    </div>
  );
};

export default RouteGuard;
