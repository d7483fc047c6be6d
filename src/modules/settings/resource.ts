import { everyActionNeeds } from "../../admin/access.js";
import { buildFeature, type ActionRequest, type Before, type FeatureType } from "adminjs";
import { fieldErrors, type ResourceFactory } from "../../admin/resource-kit.js";
import { hashPassword } from "../auth/password.js";
import { ZNewAdmin } from "../auth/schemas.js";

/** The password rule of `npm run admin:create` (auth/schemas.ts), as a message key for the form. */
function passwordProblem(password: string): string | null {
  if (ZNewAdmin.shape.password.safeParse(password).success) return null;
  return password.length < 12 ? "passwordTooShort" : "passwordTooLong";
}

/**
 * The virtual `password` field of admin_users: required on creation, optional on edit (empty keeps the
 * current one), checked and hashed here. Runs after the form check, which has already dropped any
 * `passwordHash` the request carried.
 */
function passwordFeature(bcryptCost: number): FeatureType {
  const hashSubmitted =
    (isNew: boolean): Before =>
    async (request: ActionRequest) => {
      if (request.method !== "post") return request;
      const { password, ...payload } = (request.payload ?? {}) as Record<string, unknown>;
      const text = typeof password === "string" ? password : "";
      if (!text && !isNew) return { ...request, payload };
      const problem = text ? passwordProblem(text) : "fieldRequired";
      if (problem) throw fieldErrors("admin_users", { password: { message: `$t(messages.${problem})` } });
      return { ...request, payload: { ...payload, passwordHash: await hashPassword(text, bcryptCost) } };
    };
  return buildFeature({
    actions: { new: { before: [hashSubmitted(true)] }, edit: { before: [hashSubmitted(false)] } },
  });
}

// The activity log is the audit trail: nobody writes, edits or deletes it through the admin (DESIGN.md 6).
const READ_ONLY_ACTIONS = {
  new: { isAccessible: false },
  edit: { isAccessible: false },
  delete: { isAccessible: false },
  bulkDelete: { isAccessible: false },
};

export const settingsResources: ResourceFactory = (kit) => [
  kit.resource(
    "AdminUser",
    {
      navigation: kit.nav.settings,
      listProperties: ["id", "name", "email", "role", "status", "lastLogin", "createdAt"],
      filterProperties: ["name", "email", "role", "status", "lastLogin", "createdAt"],
      editProperties: ["email", "name", "password", "role", "status", "permissions"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        name: { isTitle: true },
        // Logins compare lowercased addresses.
        email: { ...kit.email({ lowercase: true }), isTitle: false },
        // A JSON array of "module.permission" strings that narrows the role (DESIGN.md 5), as ZNewAdmin has them.
        permissions: {
          ...kit.json("string-array", { itemPattern: "^[a-z_]+\\.[a-z_]+$" }),
          description: "permissionsHint",
        },
        lastLogin: kit.readOnly(),
        password: {
          type: "password",
          isVisible: { list: false, show: false, filter: false, edit: true },
          description: "passwordHint",
        },
      },
    },
    {
      access: { module: "settings", actions: everyActionNeeds("system") },
      secrets: ["passwordHash"],
      writeOnly: ["password"],
      features: [passwordFeature(kit.bcryptCost)],
    },
  ),
  kit.resource(
    "AdminSession",
    {
      navigation: kit.nav.settings,
      listProperties: ["admin", "ipAddress", "userAgent", "createdAt", "expiresAt"],
      filterProperties: ["admin", "ipAddress", "createdAt", "expiresAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      // A session row is written by a login; deleting it revokes that API token.
      actions: { new: { isAccessible: false }, edit: { isAccessible: false } },
      properties: {
        ipAddress: { isTitle: true },
        userAgent: { isVisible: { list: true, show: true, edit: false, filter: false } },
      },
    },
    { access: { module: "settings", actions: everyActionNeeds("system") } },
  ),
  kit.resource(
    "AdminActivityLog",
    {
      navigation: kit.nav.settings,
      listProperties: ["id", "createdAt", "admin", "action", "resourceType", "resourceId", "ipAddress"],
      filterProperties: ["admin", "action", "resourceType", "resourceId", "ipAddress", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      actions: READ_ONLY_ACTIONS,
      properties: {
        action: { isTitle: true },
        oldValues: kit.json(),
        newValues: kit.json(),
        userAgent: kit.text(),
      },
    },
    { access: { module: "settings", actions: { new: null, edit: null, delete: null, bulkDelete: null } } },
  ),
  kit.resource(
    "SecurityAlert",
    {
      navigation: kit.nav.settings,
      listProperties: ["id", "createdAt", "kind", "admin", "email", "ipAddress", "acknowledgedAt"],
      filterProperties: ["kind", "admin", "email", "ipAddress", "createdAt", "acknowledgedAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        kind: { isTitle: true },
        details: kit.json(),
        acknowledgedAt: kit.readOnly(),
        acknowledger: kit.readOnly(),
      },
    },
    // Raised by the login protection; only acknowledged, never written by hand.
    { access: { module: "settings", actions: { new: null, edit: null, delete: null, bulkDelete: null } } },
  ),
  kit.resource(
    "PasswordResetToken",
    {
      navigation: kit.nav.settings,
      listProperties: ["id", "admin", "requester", "createdAt", "expiresAt", "usedAt"],
      filterProperties: ["admin", "requester", "createdAt", "expiresAt", "usedAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: { admin: { isTitle: true } },
    },
    {
      // Who reset whose password, and when; the token itself never leaves the server.
      access: { module: "settings", actions: { ...everyActionNeeds("system"), new: null, edit: null } },
      secrets: ["tokenHash"],
    },
  ),
];
