// A site's "Backups" page (modules/sites/backups/admin-action.ts): its config versions with who made
// each, when and how; "back up now"; two versions picked and compared key by key; a version downloaded
// as JSON (GET /admin/sites/sites/:id/backups/:version/download, the session's route); a restore, confirmed
// first, that writes a new version and keeps the current one. The server checks every permission.
import React, { useCallback, useEffect, useState } from "react";
import { ApiClient, useNotice, useTranslation, type ActionProps } from "adminjs";
import {
  Badge,
  Box,
  Button,
  H3,
  H4,
  Input,
  Label,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from "@adminjs/design-system";
import { formatDate, pageLanguage } from "../../src/lib/format.js";

interface Version {
  id: number;
  version: number;
  kind: "edit" | "manual" | "daily" | "restore";
  note: string | null;
  createdAt: string;
  createdBy: { id: number; name: string } | null;
  restoredFrom: number | null;
  current: boolean;
}

interface Change {
  path: string;
  kind: "changed" | "added" | "removed";
  before?: unknown;
  after?: unknown;
}

interface Diff {
  from: number;
  to: number;
  changes: Change[];
  counts: Record<Change["kind"], number>;
}

interface Answer {
  backups?: { currentVersion: number | null; versions: Version[] } | null;
  canBackup?: boolean;
  diff?: Diff;
  notice?: { message: string; type: "success" | "error" };
}

const api = new ApiClient();

/** A JSON value as one short line for the diff table. */
function shown(value: unknown): string {
  if (value === undefined) return "";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

const KIND_TONE: Record<Version["kind"], "primary" | "info" | "success" | "secondary"> = {
  edit: "secondary",
  manual: "primary",
  daily: "info",
  restore: "success",
};

const SiteBackups: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { translateAction, translateMessage, translateButton, translateProperty, translateLabel } = useTranslation();
  const addNotice = useNotice();
  const lang = pageLanguage();
  const [answer, setAnswer] = useState<Answer>({});
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState("");
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const siteId = record ? String(record.id) : "";
  const m = (key: string, options?: Record<string, unknown>) => translateMessage(key, resource.id, options);

  const call = useCallback(
    async (data?: Record<string, unknown>) => {
      if (!siteId) return;
      setBusy(true);
      try {
        const response = await api.recordAction({
          resourceId: resource.id,
          recordId: siteId,
          actionName: action.name,
          ...(data ? { data, method: "post" as const } : {}),
        });
        const body = response.data as Answer;
        setAnswer((previous) => ({ ...previous, ...body }));
        if (body.diff) setDiff(body.diff);
        if (body.notice) addNotice({ message: m(body.notice.message), type: body.notice.type });
      } finally {
        setBusy(false);
      }
    },
    [siteId, resource.id, action.name],
  );

  useEffect(() => {
    void call();
  }, [call]);

  if (!record) return null;
  const versions = answer.backups?.versions ?? [];
  const current = answer.backups?.currentVersion ?? null;
  const canBackup = Boolean(answer.canBackup);

  const toggle = (version: number) =>
    setPicked((p) => (p.includes(version) ? p.filter((v) => v !== version) : [...p, version].slice(-2)));
  const compare = () => {
    const [a, b] = [...picked].sort((x, y) => x - y);
    void call({ op: "diff", from: a, to: b });
  };
  const backupNow = async () => {
    await call({ op: "backup", note });
    setNote("");
  };
  const restore = async (version: number) => {
    setConfirming(null);
    await call({ op: "restore", version, expectedCurrent: current ?? "", note });
    setNote("");
    setDiff(null);
  };
  // The kinds' words are site_configs' enum labels (src/admin/locale.ts).
  const kindWords = (kind: string) => translateLabel(`kind.${kind}`, "site_configs", { defaultValue: kind });

  return (
    <Box variant="container" data-testid="site-backups">
      <H3>
        {translateAction(action.label, resource.id)} — {record.title}
      </H3>
      <Text mb="lg">{m("siteBackupsExplain")}</Text>

      {canBackup ? (
        <Box mb="xl" flex flexDirection="row" style={{ gap: 12, alignItems: "flex-end", flexWrap: "wrap" }}>
          <Box>
            <Label htmlFor="backup-note">{m("siteBackupNote")}</Label>
            <Input
              id="backup-note"
              value={note}
              maxLength={500}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setNote(e.target.value)}
              data-testid="backup-note"
            />
          </Box>
          <Button variant="contained" onClick={backupNow} disabled={busy || current === null} data-testid="backup-now">
            {m("siteBackupNow")}
          </Button>
        </Box>
      ) : null}

      {versions.length === 0 ? (
        <Text data-testid="backups-empty">{m("siteBackupsNone")}</Text>
      ) : (
        <Box style={{ overflowX: "auto" }}>
          <Table style={{ width: "100%" }} aria-label={m("siteBackupsTable")}>
            <TableHead>
              <TableRow>
                <TableCell>{m("siteBackupCompareColumn")}</TableCell>
                <TableCell>{translateProperty("version", "site_configs")}</TableCell>
                <TableCell>{translateProperty("kind", "site_configs")}</TableCell>
                <TableCell>{translateProperty("createdAt", "site_configs")}</TableCell>
                <TableCell>{translateProperty("createdBy", "site_configs")}</TableCell>
                <TableCell>{translateProperty("note", "site_configs")}</TableCell>
                <TableCell>{m("siteBackupActionsColumn")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {versions.map((v) => (
                <TableRow key={v.id} data-testid={`backup-row-${v.version}`}>
                  <TableCell>
                    <input
                      type="checkbox"
                      id={`pick-${v.version}`}
                      checked={picked.includes(v.version)}
                      onChange={() => toggle(v.version)}
                      aria-label={m("siteBackupPick", { version: v.version })}
                      style={{ width: 18, height: 18, cursor: "pointer" }}
                    />
                  </TableCell>
                  <TableCell>
                    v{v.version}
                    {v.current ? (
                      <Badge ml="sm" variant="success" size="sm">
                        {m("siteBackupCurrent")}
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <Badge variant={KIND_TONE[v.kind]} outline size="sm">
                      {kindWords(v.kind)}
                    </Badge>
                    {v.restoredFrom !== null ? (
                      <Text as="span" ml="sm">
                        {m("siteBackupRestoredFrom", { version: v.restoredFrom })}
                      </Text>
                    ) : null}
                  </TableCell>
                  <TableCell style={{ whiteSpace: "nowrap" }}>{formatDate(v.createdAt, lang, "timestamp")}</TableCell>
                  <TableCell style={{ whiteSpace: "nowrap" }}>
                    {v.createdBy?.name ?? (v.kind === "daily" ? m("siteBackupSystem") : "—")}
                  </TableCell>
                  <TableCell>{v.note ?? ""}</TableCell>
                  <TableCell style={{ whiteSpace: "nowrap" }}>
                    <Box flex flexDirection="row" style={{ gap: 8 }}>
                      <Button
                        as="a"
                        size="sm"
                        variant="outlined"
                        download
                        href={`/admin/sites/sites/${encodeURIComponent(siteId)}/backups/${v.version}/download`}
                        data-testid={`backup-download-${v.version}`}
                      >
                        {m("siteBackupDownload")}
                      </Button>
                      {canBackup && !v.current ? (
                        <Button
                          size="sm"
                          variant="outlined"
                          color="danger"
                          disabled={busy}
                          onClick={() => setConfirming(v.version)}
                          data-testid={`backup-restore-${v.version}`}
                        >
                          {m("siteBackupRestore")}
                        </Button>
                      ) : null}
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}

      {confirming !== null ? (
        <Box mt="lg" p="lg" style={{ border: "1px solid #c92a2a", borderRadius: 4 }} role="alertdialog">
          <Text mb="default">{m("siteBackupRestoreConfirm", { version: confirming, current: current ?? "" })}</Text>
          <Box flex flexDirection="row" style={{ gap: 8 }}>
            <Button
              variant="contained"
              color="danger"
              disabled={busy}
              onClick={() => restore(confirming)}
              data-testid="backup-restore-confirm"
            >
              {translateButton("confirm", resource.id)}
            </Button>
            <Button variant="outlined" onClick={() => setConfirming(null)}>
              {translateButton("cancel", resource.id)}
            </Button>
          </Box>
        </Box>
      ) : null}

      {versions.length > 1 ? (
        <Box mt="lg">
          <Button
            variant="outlined"
            onClick={compare}
            disabled={busy || picked.length !== 2}
            data-testid="backup-compare"
          >
            {m("siteBackupCompare")}
          </Button>
          <Text as="span" ml="default">
            {m("siteBackupCompareHint")}
          </Text>
        </Box>
      ) : null}

      {diff ? (
        <Box mt="xl" data-testid="backup-diff">
          <H4>{m("siteBackupDiffTitle", { from: diff.from, to: diff.to })}</H4>
          {diff.changes.length === 0 ? (
            <Text>{m("siteBackupDiffSame")}</Text>
          ) : (
            <>
              <Text mb="default">
                {m("siteBackupDiffCounts", {
                  changed: diff.counts.changed,
                  added: diff.counts.added,
                  removed: diff.counts.removed,
                })}
              </Text>
              <Table style={{ width: "100%" }} aria-label={m("siteBackupDiffTitle", { from: diff.from, to: diff.to })}>
                <TableHead>
                  <TableRow>
                    <TableCell>{m("siteBackupDiffPath")}</TableCell>
                    <TableCell>{m("siteBackupDiffChange")}</TableCell>
                    <TableCell>{m("siteBackupDiffBefore", { version: diff.from })}</TableCell>
                    <TableCell>{m("siteBackupDiffAfter", { version: diff.to })}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {diff.changes.map((c) => (
                    <TableRow key={`${c.kind}:${c.path}`}>
                      <TableCell>
                        <code>{c.path}</code>
                      </TableCell>
                      <TableCell>{m(`siteBackupDiff_${c.kind}`)}</TableCell>
                      <TableCell style={{ wordBreak: "break-word" }}>{shown(c.before)}</TableCell>
                      <TableCell style={{ wordBreak: "break-word" }}>{shown(c.after)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </Box>
      ) : null}
    </Box>
  );
};

export default SiteBackups;
