// Posting a record action's page (a form or a confirmation) and handing AdminJS its answer (notice,
// redirect, field errors): the one way the portal's action pages send their data.
import { useState } from "react";
import { ApiClient, useActionResponseHandler, type ActionJSON, type RecordJSON, type ResourceJSON } from "adminjs";

const api = new ApiClient();

export function useRecordPost(action: ActionJSON, resource: ResourceJSON, record: RecordJSON | undefined) {
  const handleResponse = useActionResponseHandler();
  const [busy, setBusy] = useState(false);
  /** Posts and hands AdminJS the answer; returns the answer's record (its field errors on a refusal). */
  const post = async (data: Record<string, unknown>): Promise<RecordJSON | undefined> => {
    if (!record) return undefined;
    setBusy(true);
    try {
      const response = await api.recordAction({
        resourceId: resource.id,
        recordId: record.id,
        actionName: action.name,
        data,
      });
      handleResponse(response);
      return (response.data as { record?: RecordJSON } | undefined)?.record;
    } finally {
      setBusy(false);
    }
  };
  return { busy, post };
}
