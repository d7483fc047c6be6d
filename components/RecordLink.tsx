// A row naming another table's row (the audit log: resource_type, resource_id, action; the table spec's
// `recordLink`): the table by its name in the admin's language, the row by its title linked to its page
// while it exists, the action in words. The named row comes populated (src/admin/record-links.ts).
import React from "react";
import { Link } from "react-router-dom";
import { ValueGroup } from "@adminjs/design-system";
import { ViewHelpers, useTranslation, type BasePropertyProps } from "adminjs";

interface Paths {
  table: string;
  id: string;
  action?: string;
}

const h = new ViewHelpers();

/**
 * An audited action in words: its translation (actions.<name>, "invoice.issue" looked up as
 * "invoice_issue"), else the name made readable.
 */
function actionWords(name: string, translate: (key: string) => string): string {
  const key = name.replace(/\./g, "_");
  const words = translate(key);
  if (words && words !== key) return words;
  const text = name.replace(/[._]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const RecordLink: React.FC<BasePropertyProps> = ({ property, record, resource, where }) => {
  const { translateLabel, translateAction, translateMessage, translateProperty } = useTranslation();
  const paths = (property.custom as { recordLink?: Paths }).recordLink;
  if (!record || !paths) return null;
  const table = record.params[paths.table] as string | null | undefined;
  const raw: unknown = record.params[property.path];
  let content: React.ReactNode = raw === null || raw === undefined || raw === "" ? "—" : String(raw as string);
  if (raw !== null && raw !== undefined && raw !== "") {
    if (property.path === paths.table) {
      content = translateLabel(String(raw as string));
    } else if (property.path === paths.action) {
      content = actionWords(String(raw as string), (key) => translateAction(key, table ?? resource.id));
    } else if (property.path === paths.id) {
      const target = record.populated[paths.id];
      const id = String(raw as string);
      if (target === null) {
        content = (
          <span data-testid="record-link-gone">
            #{id} ({translateMessage("recordDeleted", resource.id)})
          </span>
        );
      } else if (target && table && target.recordActions.some((a) => a.name === "show")) {
        content = (
          <Link
            data-testid="record-link"
            to={h.recordActionUrl({ resourceId: table, recordId: id, actionName: "show" })}
          >
            {target.title || `#${id}`}
          </Link>
        );
      } else {
        content = `#${id}`;
      }
    }
  }
  if (where === "show")
    return <ValueGroup label={translateProperty(property.label, resource.id)}>{content}</ValueGroup>;
  return <span>{content}</span>;
};

export default RecordLink;
