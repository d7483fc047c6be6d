// A record action that runs a module's service: its page (a confirmation or a small form) POSTs, a GET
// only shows the record. The service checks the permission and the state; its refusals (http/errors
// AppError) come back as field errors of the page when they name fields, else as an error notice, and
// nothing is written. On success the fresh record is shown with a notice.
import {
  AppError as AdminNotice,
  NotFoundError,
  type Action,
  type ActionContext,
  type ActionResponse,
  type NoticeMessage,
} from "adminjs";
import { AppError } from "../lib/errors.js";
import { fieldErrors } from "./resource-kit.js";
import { serviceFieldWords } from "./service-words.js";

type Payload = Record<string, unknown>;

/** A service refusal as AdminJS answers it; anything else is rethrown as it is (a 500). */
export function serviceRefusal(error: unknown, form?: { resourceId: string; paths?: Record<string, string> }): unknown {
  if (!(error instanceof AppError)) return error;
  if (form && error.errors?.length) {
    return fieldErrors(
      form.resourceId,
      Object.fromEntries(
        error.errors.map((e) => [form.paths?.[e.field] ?? e.field, { message: serviceFieldWords(e.message) }]),
      ),
    );
  }
  const detail = error.errors?.length ? `: ${error.errors.map((e) => `${e.field} ${e.message}`).join("; ")}` : "";
  return new AdminNotice(`${error.message}${detail}`);
}

export interface ServiceActionSpec<R> {
  icon: string;
  /** The page: ConfirmAction, or a form component that posts its fields. */
  component: string;
  variant?: "danger";
  isVisible?: (context: ActionContext) => boolean;
  /** Runs the service for the record's id with the posted fields. */
  run(id: number, payload: Payload): Promise<R>;
  /** The success notice (a message key), from what the service returned. */
  done(result: R): NoticeMessage;
  /** Refusals naming fields become field errors of this resource's page (service field -> form path). */
  form?: { resourceId: string; paths?: Record<string, string> };
  /** Where to go afterwards: the record's page (default), or stay on the action's page. */
  redirect?: "show" | "none";
}

export function serviceRecordAction<R>(spec: ServiceActionSpec<R>): Partial<Action<ActionResponse>> {
  return {
    actionType: "record",
    icon: spec.icon,
    component: spec.component,
    ...(spec.variant ? { variant: spec.variant } : {}),
    ...(spec.isVisible ? { isVisible: spec.isVisible } : {}),
    handler: async (request, _response, context) => {
      const { record, resource, currentAdmin, h, action } = context;
      if (!record) throw new NotFoundError(`No such record`, action.name);
      if (request.method !== "post") return { record: record.toJSON(currentAdmin) };
      const id = Number(record.id());
      let result: R;
      try {
        result = await spec.run(id, (request.payload ?? {}) as Payload);
      } catch (error) {
        throw serviceRefusal(error, spec.form);
      }
      const fresh = (await resource.findOne(String(id), context)) ?? record;
      const resourceId = resource._decorated?.id() ?? resource.id();
      return {
        record: fresh.toJSON(currentAdmin),
        notice: spec.done(result),
        ...(spec.redirect === "none"
          ? {}
          : { redirectUrl: h.recordActionUrl({ resourceId, recordId: String(id), actionName: "show" }) }),
      };
    },
  };
}
