// REST API tokens (DESIGN.md 4): a short-lived HS256 JWT whose `jti` names an admin_sessions row.
// The signature proves who issued the token; the row decides whether it still counts. Logout, a forced
// logout or deleting the row in the admin ends a token at once, whatever its `exp` says.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { SignJWT, errors as joseErrors, jwtVerify } from "jose";
import { AppError } from "../../lib/errors.js";
import { writeAudit } from "../../lib/audit.js";
import type { CurrentAdmin } from "../../lib/request-context.js";
import { loadCurrentAdmin } from "./current-admin.js";
import type { LoginOrigin } from "./service.js";

// Issuer and audience pin the token to this API: a JWT signed with the same secret for another
// purpose (a link, a webhook) is not a login.
const ISSUER = "locod-ai-admin";
const AUDIENCE = "locod-ai-admin-api";

export interface TokenDeps {
  prisma: PrismaClient;
  config: { jwtSecret: string; jwtTtlMs: number };
}

export interface IssuedToken {
  token: string;
  jti: string;
  expiresAt: Date;
}

export interface VerifiedToken {
  admin: CurrentAdmin;
  session: { id: string; expiresAt: Date };
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** A 401 that tells a client (RFC 6750) to log in again. */
export function invalidToken(message: string): AppError {
  return new AppError("unauthenticated", message, undefined, {
    "WWW-Authenticate": 'Bearer realm="locod-ai-admin-api", error="invalid_token"',
  });
}

/** Opens an admin_sessions row for an admin who has just proved their password, and signs its token. */
export async function issueApiToken(deps: TokenDeps, adminId: number, origin: LoginOrigin): Promise<IssuedToken> {
  const jti = randomBytes(24).toString("base64url");
  // Whole seconds, so that the row's expiry and the token's `exp` are the same instant.
  const exp = Math.floor((Date.now() + deps.config.jwtTtlMs) / 1000);
  const expiresAt = new Date(exp * 1000);
  await deps.prisma.$transaction(async (tx) => {
    const row = await tx.adminSession.create({
      data: {
        id: jti,
        adminId,
        expiresAt,
        ipAddress: origin.ip ?? null,
        userAgent: origin.userAgent?.slice(0, 500) ?? null,
      },
    });
    await writeAudit(tx, { action: "create", resourceType: "admin_sessions", resourceId: jti, adminId, after: row });
  });
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(String(adminId))
    .setJti(jti)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(keyOf(deps.config.jwtSecret));
  return { token, jti, expiresAt };
}

/**
 * The admin a bearer token acts for: signature (HS256 only), issuer, audience and expiry checked, its
 * admin_sessions row present and unexpired, and the admin active as the database has them now.
 */
export async function verifyApiToken(deps: TokenDeps, token: string): Promise<VerifiedToken> {
  let claims: { sub?: string; jti?: string };
  try {
    ({ payload: claims } = await jwtVerify(token, keyOf(deps.config.jwtSecret), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ["sub", "jti", "exp"],
    }));
  } catch (error) {
    throw invalidToken(error instanceof joseErrors.JWTExpired ? "Token expired: log in again" : "Invalid token");
  }
  const adminId = Number(claims.sub);
  if (!Number.isSafeInteger(adminId) || typeof claims.jti !== "string") throw invalidToken("Invalid token");
  const session = await deps.prisma.adminSession.findUnique({
    where: { id: claims.jti },
    select: { adminId: true, expiresAt: true },
  });
  if (!session || session.adminId !== adminId) throw invalidToken("Token revoked: log in again");
  if (session.expiresAt.getTime() <= Date.now()) throw invalidToken("Token expired: log in again");
  const admin = await loadCurrentAdmin(deps.prisma, adminId);
  if (!admin || admin.status !== "active") throw invalidToken("This account can no longer use the API");
  return { admin, session: { id: claims.jti, expiresAt: session.expiresAt } };
}

/** Ends one token (logout). A second logout with the same token finds nothing and writes nothing. */
export async function revokeApiToken(prisma: PrismaClient, jti: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.adminSession.findUnique({ where: { id: jti } });
    if (!before) return;
    // deleteMany: of two racing logouts, one deletes the row and audits it; the other deletes nothing.
    const { count } = await tx.adminSession.deleteMany({ where: { id: jti } });
    if (count) await writeAudit(tx, { action: "logout", resourceType: "admin_sessions", resourceId: jti, before });
  });
}
