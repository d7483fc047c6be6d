// The headers every campaign e-mail carries: List-Unsubscribe (a https link, and a mailto when a
// mailbox is configured) and List-Unsubscribe-Post for one-click unsubscribe (RFC 8058). Transactional
// e-mail (src/lib/email) carries none: it is not marketing.
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    Precedence: "bulk",
  };
}
