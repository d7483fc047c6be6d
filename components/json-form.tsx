// A JSON value edited through the form its schema describes (src/lib/json-form.ts, sent by the server as
// data): labelled inputs of the right kind, lists with add/remove rows, fieldsets for nested objects, each
// input with its field error; "Advanced: raw JSON" switches to a JSON editor that checks its text. Also
// the same value shown read-only as a definition list. Labels are the module's messages json_<field>.
import React, { useState } from "react";
import { Box, Button, CheckBox, FormGroup, FormMessage, Input, Label, Text } from "@adminjs/design-system";
import type { FormField, FormNode } from "../src/lib/json-form.js";
import { parseAmount } from "../src/lib/format.js";

export type Errors = Record<string, { message: string } | undefined>;
type Translate = (key: string, resourceId?: string) => string;
type Path = (string | number)[];

interface Words {
  tm: Translate;
  resourceId: string;
}

const fieldLabel = ({ tm, resourceId }: Words, key: string) => tm(`json_${key}`, resourceId);
const valueLabel = ({ tm, resourceId }: Words, value: string) => tm(`jsonValue_${value}`, resourceId);

/** The value at `path` replaced (a copy); undefined removes an object's key. */
function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (!path.length) return next;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[head] = setAt(list[head], rest, next);
    return list;
  }
  const object = value !== null && typeof value === "object" ? { ...(value as Record<string, unknown>) } : {};
  const child = setAt(object[head!], rest, next);
  if (child === undefined) delete object[head!];
  else object[head!] = child;
  return object;
}

/** A new copy of a JSON value. */
const copy = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/**
 * What the form sends: an optional field left empty is left out (the schema then applies its default),
 * a number typed as text is sent as a number when it reads as one.
 */
export function cleaned(node: FormNode, value: unknown): unknown {
  switch (node.kind) {
    case "object": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const field of node.fields) {
        const v = cleaned(field.node, out[field.key]);
        if (!field.required && (v === "" || v === undefined)) delete out[field.key];
        else if (v !== undefined) out[field.key] = v;
      }
      return out;
    }
    case "list":
      return Array.isArray(value) ? value.map((item) => cleaned(node.item, item)) : value;
    case "number": {
      if (typeof value !== "string") return value;
      if (value.trim() === "") return undefined;
      // "1,5" and "1.5" alike; what cannot be read (or reads two ways) stays text for the schema to refuse.
      const read = parseAmount(value);
      return read.ok ? Number(read.value) : value;
    }
    default:
      return value;
  }
}

interface InputProps {
  node: FormNode;
  value: unknown;
  path: Path;
  /** The column: the first segment of every error key and input name. */
  name: string;
  label: string;
  required: boolean;
  errors: Errors;
  words: Words;
  onChange: (path: Path, value: unknown) => void;
}

const keyOf = (name: string, path: Path) => [name, ...path].join(".");
const textStyle: React.CSSProperties = { width: "100%" };
const selectStyle: React.CSSProperties = {
  width: "100%",
  padding: "8px",
  border: "1px solid #c0c0ca",
  borderRadius: 2,
  background: "white",
  fontSize: 14,
};

function ErrorOf({ errors, id, words }: { errors: Errors; id: string; words: Words }) {
  const error = errors[id];
  return <FormMessage id={`${id}-error`}>{error ? words.tm(error.message, words.resourceId) : null}</FormMessage>;
}

function ScalarInput({ node, value, path, name, label, required, errors, words, onChange }: InputProps) {
  const id = keyOf(name, path);
  const error = errors[id];
  const common = { id, name: id, "aria-invalid": Boolean(error), "aria-describedby": `${id}-error` };
  let input: React.ReactNode;
  switch (node.kind) {
    case "text":
      input = (
        <Input
          {...common}
          as={node.long ? "textarea" : "input"}
          rows={node.long ? 5 : undefined}
          style={textStyle}
          value={typeof value === "string" ? value : value == null ? "" : String(value)}
          maxLength={node.maxLength}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(path, e.target.value)}
        />
      );
      break;
    case "number":
      input = (
        <Input
          {...common}
          inputMode={node.integer ? "numeric" : "decimal"}
          style={textStyle}
          value={value == null ? "" : String(value)}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(path, e.target.value)}
        />
      );
      break;
    case "select":
      input = (
        <select
          {...common}
          style={selectStyle}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(path, e.target.value === "" ? undefined : e.target.value)}
        >
          {(!required || typeof value !== "string") && (
            <option value="">{words.tm("jsonFormNone", words.resourceId)}</option>
          )}
          {node.options.map((option) => (
            <option key={option} value={option}>
              {valueLabel(words, option)}
            </option>
          ))}
        </select>
      );
      break;
    case "boolean":
      return (
        <FormGroup error={Boolean(error)}>
          <CheckBox {...common} checked={value === true} onChange={() => onChange(path, value !== true)} />
          <Label inline htmlFor={id} ml="default">
            {label}
          </Label>
          <ErrorOf errors={errors} id={id} words={words} />
        </FormGroup>
      );
    default:
      input = (
        <RawJson value={value} id={id} onChange={(v) => onChange(path, v)} words={words} error={Boolean(error)} />
      );
  }
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      {input}
      <ErrorOf errors={errors} id={id} words={words} />
    </FormGroup>
  );
}

function ListInput(props: InputProps & { node: Extract<FormNode, { kind: "list" }> }) {
  const { node, value, path, name, label, required, errors, words, onChange } = props;
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const id = keyOf(name, path);
  const full = node.max !== undefined && items.length >= node.max;
  return (
    <Box as="fieldset" mb="xl" p="default" style={{ border: "1px solid #e0e0e8", borderRadius: 4 }}>
      <Text as="legend" fontWeight="bold" px="sm">
        {label}
        {required ? " *" : ""}
      </Text>
      <ErrorOf errors={errors} id={id} words={words} />
      {items.map((item, i) => (
        <Box key={i} flex flexDirection="row" alignItems="flex-start" data-testid={`${id}.${i}`}>
          <Box flexGrow={1}>
            <FieldInput
              {...props}
              node={node.item}
              value={item}
              path={[...path, i]}
              label={`${label} ${i + 1}`}
              required
            />
          </Box>
          <Button
            type="button"
            variant="text"
            size="sm"
            ml="default"
            mt="lg"
            aria-label={`${words.tm("jsonFormRemove", words.resourceId)} ${label} ${i + 1}`}
            onClick={() =>
              onChange(
                path,
                items.filter((_, j) => j !== i),
              )
            }
          >
            {words.tm("jsonFormRemove", words.resourceId)}
          </Button>
        </Box>
      ))}
      <Button
        type="button"
        variant="outlined"
        size="sm"
        disabled={full}
        data-testid={`${id}-add`}
        onClick={() => onChange(path, [...items, copy(node.itemTemplate)])}
      >
        {words.tm("jsonFormAdd", words.resourceId)} — {label}
      </Button>
    </Box>
  );
}

function ObjectInput(props: InputProps & { node: Extract<FormNode, { kind: "object" }>; root?: boolean }) {
  const { node, value, path, name, label, errors, words } = props;
  const object = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const fields = node.fields.map((field: FormField) => (
    <FieldInput
      key={field.key}
      {...props}
      node={field.node}
      value={object[field.key]}
      path={[...path, field.key]}
      label={fieldLabel(words, field.key)}
      required={field.required}
    />
  ));
  if (props.root) return <>{fields}</>;
  return (
    <Box as="fieldset" mb="lg" p="default" style={{ border: "1px solid #e0e0e8", borderRadius: 4 }}>
      <Text as="legend" fontWeight="bold" px="sm">
        {label}
      </Text>
      <ErrorOf errors={errors} id={keyOf(name, path)} words={words} />
      {fields}
    </Box>
  );
}

function FieldInput(props: InputProps) {
  const { node } = props;
  if (node.kind === "object") return <ObjectInput {...props} node={node} />;
  if (node.kind === "list") return <ListInput {...props} node={node} />;
  return <ScalarInput {...props} />;
}

function RawJson(props: {
  value: unknown;
  id: string;
  onChange: (value: unknown) => void;
  words: Words;
  error?: boolean;
  rows?: number;
  onInvalid?: () => void;
}) {
  const { value, id, onChange, words } = props;
  const [text, setText] = useState(() => (value === undefined ? "" : JSON.stringify(value, null, 2)));
  const [invalid, setInvalid] = useState(false);
  return (
    <>
      <Input
        as="textarea"
        id={id}
        name={id}
        rows={props.rows ?? 6}
        spellCheck={false}
        value={text}
        aria-invalid={invalid || props.error}
        style={{ fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", fontSize: 12, width: "100%" }}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
          setText(e.target.value);
          try {
            onChange(e.target.value.trim() === "" ? null : JSON.parse(e.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
            props.onInvalid?.();
          }
        }}
      />
      {invalid && <FormMessage>{words.tm("jsonFormRawInvalid", words.resourceId)}</FormMessage>}
    </>
  );
}

export interface JsonFormProps {
  /** The form of the value; without one, the raw JSON editor only. */
  node: FormNode | undefined;
  value: unknown;
  /** The column (property path): the first segment of the error keys and input names. */
  name: string;
  errors: Errors;
  tm: Translate;
  resourceId: string;
  onChange: (value: unknown) => void;
}

/** The form, with the raw JSON editor one toggle away. */
export function JsonForm({ node, value, name, errors, tm, resourceId, onChange }: JsonFormProps) {
  const [raw, setRaw] = useState(!node);
  const [rawValid, setRawValid] = useState(true);
  const words = { tm, resourceId };
  const change = (path: Path, next: unknown) => onChange(setAt(value, path, next));
  const rootError = errors[name];
  // The root input, whatever the node's kind.
  const rootProps = { value, path: [], name, label: "", required: true, errors, words, onChange: change };
  return (
    <Box data-testid={`json-form-${name}`}>
      {rootError && (
        <FormGroup error>
          <FormMessage>{tm(rootError.message, resourceId)}</FormMessage>
        </FormGroup>
      )}
      {node && (
        <Box mb="default">
          <CheckBox id={`${name}-raw`} checked={raw} disabled={raw && !rawValid} onChange={() => setRaw(!raw)} />
          <Label inline htmlFor={`${name}-raw`} ml="default">
            {tm("jsonFormAdvanced", resourceId)}
          </Label>
        </Box>
      )}
      {raw || !node ? (
        <RawJson
          value={value}
          id={`${name}-json`}
          rows={16}
          words={words}
          onInvalid={() => setRawValid(false)}
          onChange={(v) => {
            setRawValid(true);
            onChange(v);
          }}
        />
      ) : node.kind === "object" ? (
        <ObjectInput {...rootProps} node={node} root />
      ) : (
        <FieldInput {...rootProps} node={node} />
      )}
    </Box>
  );
}

/** The value read-only, as a definition list labelled like the form. */
export function JsonDefinition({
  node,
  value,
  tm,
  resourceId,
}: {
  node: FormNode | undefined;
  value: unknown;
  tm: Translate;
  resourceId: string;
}): React.ReactElement {
  const words = { tm, resourceId };
  if (value === undefined || value === null || value === "") return <span>—</span>;
  if (!node || node.kind === "json") {
    return <pre style={{ whiteSpace: "pre-wrap", margin: 0, fontSize: 12 }}>{JSON.stringify(value, null, 2)}</pre>;
  }
  switch (node.kind) {
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return <span>{JSON.stringify(value)}</span>;
      const object = value as Record<string, unknown>;
      const known = new Set(node.fields.map((f) => f.key));
      const extra = Object.keys(object).filter((key) => !known.has(key));
      return (
        <dl
          style={{ margin: 0, display: "grid", gridTemplateColumns: "minmax(8em, max-content) 1fr", gap: "4px 16px" }}
        >
          {[
            ...node.fields.filter((f) => object[f.key] !== undefined),
            ...extra.map((key) => ({ key, node: undefined })),
          ].map((field) => (
            <React.Fragment key={field.key}>
              <dt style={{ fontWeight: 600 }}>{fieldLabel(words, field.key)}</dt>
              <dd style={{ margin: 0 }}>
                <JsonDefinition node={field.node} value={object[field.key]} tm={tm} resourceId={resourceId} />
              </dd>
            </React.Fragment>
          ))}
        </dl>
      );
    }
    case "list": {
      if (!Array.isArray(value)) return <span>{JSON.stringify(value)}</span>;
      if (!value.length) return <span>—</span>;
      return (
        <ol style={{ margin: 0, paddingLeft: "1.5em" }}>
          {value.map((item, i) => (
            <li key={i} style={{ marginBottom: 4 }}>
              <JsonDefinition node={node.item} value={item} tm={tm} resourceId={resourceId} />
            </li>
          ))}
        </ol>
      );
    }
    case "select":
      return <span>{typeof value === "string" ? valueLabel(words, value) : JSON.stringify(value)}</span>;
    case "boolean":
      return <span>{tm(value === true ? "jsonFormYes" : "jsonFormNo", resourceId)}</span>;
    default:
      return (
        <span style={{ whiteSpace: "pre-wrap" }}>{typeof value === "string" ? value : JSON.stringify(value)}</span>
      );
  }
}
