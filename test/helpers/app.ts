// A real app on the worker's test database and the real Redis, for supertest.
import type { Express } from "express";
import request from "supertest";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { closeDeps, createDeps, type Deps } from "../../src/deps.js";
import { guarded } from "./response-guard.js";

export interface TestApp {
  app: Express;
  deps: Deps;
  close(): Promise<void>;
}

export async function makeTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ ...process.env, ...env });
  const deps = createDeps(config);
  const app = guarded(await createApp(deps, { bundle: false }));
  return { app, deps, close: () => closeDeps(deps) };
}

/** The origin the portal accepts state changes from (PUBLIC_BASE_URL), as a browser on its pages sends it. */
export const ORIGIN = new URL(loadConfig().publicBaseUrl).origin;

/** A supertest agent that sends the portal's Origin, as the portal's own pages do. */
export function browserAgent(app: Express) {
  return request.agent(app).set("Origin", ORIGIN);
}

/** Logs in through AdminJS's login form; returns an agent that carries the session cookie. */
export async function loginAgent(app: Express, email: string, password: string) {
  const agent = browserAgent(app);
  const res = await agent.post("/admin/login").type("form").send({ email, password });
  if (res.status !== 302) throw new Error(`login as ${email} failed: HTTP ${res.status}`);
  return agent;
}

/** The session id inside the signed cookie `locod_admin.sid=s%3A<sid>.<signature>`. */
export function sessionIdFromSetCookie(setCookie: string[] | string | undefined): string | undefined {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const raw = cookies.find((c) => c.startsWith("locod_admin.sid="));
  if (!raw) return undefined;
  const value = decodeURIComponent(raw.split(";")[0]!.split("=")[1]!);
  return value.startsWith("s:") ? value.slice(2).split(".")[0] : value;
}
