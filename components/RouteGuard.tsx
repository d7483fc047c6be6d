// AdminJS's page, list, record and action routes, with a 403 or 404 page inside the layout
// (ErrorPage.tsx) where AdminJS would show its "not found" illustration. Registered as the override of
// ResourceRoute, ResourceActionRoute, RecordActionRoute, BulkActionRoute and PageRoute: it renders
// AdminJS's own route and, when that shows one of its "not found" boxes, asks the server once whether
// the thing is missing (404) or forbidden to this admin (403; src/http/auth-guards.ts forbiddenAs403);
// when it is there after all, AdminJS's route is rendered again rather than a false "not found".
import React, { useEffect, useRef, useState } from "react";
import { useSelector } from "react-redux";
import { useParams } from "react-router";
import type { PageJSON, ResourceJSON } from "adminjs";
import ErrorPage from "./ErrorPage.js";

type Params = { resourceId?: string; actionName?: string; recordId?: string; pageName?: string };
type Status = 403 | 404;
/** The probe's answer: forbidden, missing, or there after all (AdminJS's own request failed on the way). */
type Probed = Status | "ok";

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

async function probe(params: Params, signal: AbortSignal): Promise<Probed> {
  const url = probeUrl(params);
  if (!url) return 404;
  const response = await fetch(url, { credentials: "same-origin", signal, headers: { Accept: "application/json" } });
  if (response.status === 403) return 403;
  if (!response.ok) return 404;
  if (!params.recordId) return "ok";
  // A record route answers 200 for a missing record too: an empty record with a NotFoundError.
  const body = (await response.json().catch(() => null)) as {
    record?: { params?: Record<string, unknown>; baseError?: unknown };
  } | null;
  const record = body?.record;
  return record && !record.baseError && Object.keys(record.params ?? {}).length > 0 ? "ok" : 404;
}

const RouteGuard: React.FC<{ OriginalComponent: React.ComponentType<object> } & Record<string, unknown>> = ({
  OriginalComponent,
  ...props
}) => {
  const params = useParams() as Params;
  const resources = useSelector((state: { resources: ResourceJSON[] }) => state.resources);
  const pages = useSelector((state: { pages: PageJSON[] }) => state.pages);
  const [status, setStatus] = useState<Status | null>(null);
  // AdminJS's request for the record can fail on the way (cancelled, a dropped connection) while the
  // record is there: then its route is rendered once more, which asks again, instead of a false 404.
  const [attempt, setAttempt] = useState(0);
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
        .then((answer) => {
          if (answer !== "ok") setStatus(answer);
          else setAttempt((n) => (n < 2 ? n + 1 : n));
        })
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
  }, [key, unknownPage, attempt]);

  if (unknownPage) return <ErrorPage status={404} />;
  if (status) {
    const resource = resources.find((r) => r.id === params.resourceId);
    const listable = resource?.resourceActions.some((a) => a.name === "list");
    const onList = params.actionName === undefined || params.actionName === "list";
    return <ErrorPage status={status} listHref={listable && !onList ? `/admin/resources/${resource!.id}` : null} />;
  }
  return (
    <div ref={box} style={{ display: "contents" }}>
      <OriginalComponent key={attempt} {...props} />
    </div>
  );
};

export default RouteGuard;
