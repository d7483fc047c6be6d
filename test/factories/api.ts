// Factories for the REST API tests: logged-in admins with their bearer tokens, and tokens made by hand.
import type { Express } from "express";
import type { Prisma, PrismaClient } from "@prisma/client";
import { SignJWT } from "jose";
import request from "supertest";
import { makeAdmin } from "./index.js";

export const API = "/admin/api/v1";
export const USER_AGENT = "locod-api-test/1.0";

export interface ApiLogin {
  admin: Awaited<ReturnType<typeof makeAdmin>>;
  token: string;
  /** The Authorization header value. */
  auth: string;
  /** The whole login answer. */
  body: Record<string, unknown>;
}

/** An admin (factory defaults unless overridden) logged in through POST /auth/login. */
export async function makeApiLogin(
  app: Express,
  prisma: PrismaClient,
  overrides: Partial<Prisma.AdminUserUncheckedCreateInput> & { password?: string } = {},
): Promise<ApiLogin> {
  const admin = await makeAdmin(prisma, overrides);
  const res = await request(app)
    .post(`${API}/auth/login`)
    .set("User-Agent", USER_AGENT)
    .send({ email: admin.email, password: admin.password });
  if (res.status !== 200) throw new Error(`API login as ${admin.email} failed: HTTP ${res.status} ${res.text}`);
  const token = res.body.token as string;
  return { admin, token, auth: `Bearer ${token}`, body: res.body as Record<string, unknown> };
}

/** A token signed like the API's own, with whatever claims a test needs (an `exp` in the past...). */
export function signApiToken(
  secret: string,
  claims: { sub: string; jti: string; exp: number; iss?: string; aud?: string },
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuer(claims.iss ?? "locod-ai-admin")
    .setAudience(claims.aud ?? "locod-ai-admin-api")
    .setIssuedAt(claims.exp - 3600)
    .setExpirationTime(claims.exp)
    .sign(new TextEncoder().encode(secret));
}

/** The JWT's claims, read without checking anything (tests look inside tokens the API issued). */
export function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
}
