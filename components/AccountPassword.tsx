// "My account": changing one's own password inside the layout, in the admin's language. The form posts
// to /admin/account/password (src/modules/settings/account-routes.ts) asking for JSON: a wrong current
// password counts against the login throttle and is audited there, as on the login form.
import React, { useEffect, useState } from "react";
import { ApiClient, useTranslation } from "adminjs";
import { Box, Button, FormGroup, FormMessage, H2, Input, Label, MessageBox, Text } from "@adminjs/design-system";
import { TEXT_COLOURS } from "./page-kit.js";

const api = new ApiClient();
const FIELDS = [
  { name: "current", label: "accountCurrentPassword", autoComplete: "current-password" },
  { name: "password", label: "accountNewPassword", autoComplete: "new-password" },
  { name: "confirm", label: "accountConfirmPassword", autoComplete: "new-password" },
] as const;
type Field = (typeof FIELDS)[number]["name"];

interface Answer {
  done?: string;
  error?: string;
  field?: Field | null;
}

const AccountPassword: React.FC = () => {
  const { translateMessage } = useTranslation();
  const [email, setEmail] = useState<string | null>(null);
  const [values, setValues] = useState<Record<Field, string>>({ current: "", password: "", confirm: "" });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    api
      .getPage({ pageName: "account", signal: controller.signal })
      .then((res) => setEmail((res.data as { email?: string }).email ?? null))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const response = await fetch("/admin/account/password", {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(values).toString(),
      });
      const body = (await response.json().catch(() => ({ error: "accountLocked" }))) as Answer;
      setAnswer(body);
      if (body.done) setValues({ current: "", password: "", confirm: "" });
    } catch (err) {
      setAnswer({ error: (err as Error).message, field: null });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: Field) => (answer?.error && answer.field === name ? translateMessage(answer.error) : null);
  const generalError = answer?.error && !answer.field ? translateMessage(answer.error) : null;

  return (
    <Box variant="grey" data-testid="account-page">
      <H2 mx="md">{translateMessage("accountChangePassword")}</H2>
      <Box variant="container" mx="md" style={{ maxWidth: 560 }}>
        {email ? (
          <Text mb="lg">
            {`${translateMessage("accountSignedInAs")} : `}
            <strong>{email}</strong>
          </Text>
        ) : null}
        {answer?.done ? (
          <MessageBox variant="success" mb="lg" message={translateMessage(answer.done)} data-testid="account-done" />
        ) : null}
        {generalError ? (
          <MessageBox variant="danger" mb="lg" message={generalError} data-testid="account-error" />
        ) : null}
        <form onSubmit={(e) => void submit(e)} noValidate>
          {FIELDS.map((f) => {
            const error = fieldError(f.name);
            return (
              <FormGroup key={f.name} error={Boolean(error)}>
                <Label htmlFor={`account-${f.name}`} required>
                  {translateMessage(f.label)}
                </Label>
                <Input
                  id={`account-${f.name}`}
                  name={f.name}
                  type="password"
                  required
                  autoComplete={f.autoComplete}
                  value={values[f.name]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `account-${f.name}-error` : undefined}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                    setValues((v) => ({ ...v, [f.name]: e.target.value }))
                  }
                  style={{ width: "100%" }}
                />
                <FormMessage id={`account-${f.name}-error`}>{error}</FormMessage>
              </FormGroup>
            );
          })}
          <Text mb="lg" color={TEXT_COLOURS.muted}>
            {translateMessage("accountPasswordRules")}
          </Text>
          <Button type="submit" variant="contained" disabled={busy} data-testid="account-save">
            {translateMessage("accountSave")}
          </Button>
        </form>
      </Box>
    </Box>
  );
};

export default AccountPassword;
