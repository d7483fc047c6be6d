// The HTML version of a caught e-mail (src/lib/email/mailer.ts) on its record page: rendered in an
// iframe from srcdoc, sandboxed without allow-scripts or allow-same-origin, so the message's markup can
// neither run code nor reach the portal's cookies and pages. Links open in a new tab (allow-popups).
import React from "react";
import { useTranslation, type BasePropertyProps } from "adminjs";
import { ValueGroup } from "@adminjs/design-system";

/** The iframe's sandbox: no scripts, no same origin, no forms, no top navigation; links in a new tab. */
export const CAUGHT_EMAIL_SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

/** The message's HTML with its links opening outside the frame. */
export function caughtEmailDocument(html: string): string {
  return `<base target="_blank">${html}`;
}

/** The frame itself: the message as srcdoc, under the sandbox above. */
export const CaughtEmailFrame: React.FC<{ html: string; title: string }> = ({ html, title }) => (
  <iframe
    title={title}
    sandbox={CAUGHT_EMAIL_SANDBOX}
    referrerPolicy="no-referrer"
    srcDoc={caughtEmailDocument(html)}
    style={{ width: "100%", minHeight: 480, border: "1px solid #c0c0ca", borderRadius: 4, background: "#fff" }}
  />
);

const CaughtEmailHtml: React.FC<BasePropertyProps> = ({ record, property, where, resource }) => {
  const { translateProperty, translateMessage } = useTranslation();
  const value = record?.params?.[property.path];
  const html = typeof value === "string" && value !== "" ? value : null;
  if (where !== "show") return <span>{html ? "HTML" : "—"}</span>;
  return (
    <ValueGroup label={translateProperty(property.label, resource.id)}>
      {html ? (
        <CaughtEmailFrame html={html} title={translateMessage("caughtEmailHtmlTitle", resource.id)} />
      ) : (
        <span>{translateMessage("caughtEmailNoHtml", resource.id)}</span>
      )}
    </ValueGroup>
  );
};

export default CaughtEmailHtml;
