import { holderOf, mayActOnRequest } from "./assignee-rule.js";

const editor = { id: 7, role: "editor" as const };
const otherEditor = { id: 8, role: "editor" as const };
const admin = { id: 9, role: "admin" as const };
const superAdmin = { id: 10, role: "super_admin" as const };

describe("mayActOnRequest", () => {
  it("lets anyone act on a request nobody holds", () => {
    for (const actor of [editor, otherEditor, admin, superAdmin]) {
      expect(mayActOnRequest(actor, { status: "pending", adminId: null })).toBe(true);
      expect(mayActOnRequest(actor, { status: "processing", adminId: null })).toBe(true);
    }
  });

  it("keeps a processing request to its holder", () => {
    const held = { status: "processing" as const, adminId: editor.id };
    expect(holderOf(held)).toBe(editor.id);
    expect(mayActOnRequest(editor, held)).toBe(true);
    expect(mayActOnRequest(otherEditor, held)).toBe(false);
  });

  it("lets an admin or super_admin act on a request another admin holds", () => {
    const held = { status: "processing" as const, adminId: editor.id };
    expect(mayActOnRequest(admin, held)).toBe(true);
    expect(mayActOnRequest(superAdmin, held)).toBe(true);
  });

  it("counts only a processing request as held: a finished one keeps its assignee without holding it", () => {
    for (const status of ["pending", "completed", "rejected", "cancelled"] as const) {
      expect(holderOf({ status, adminId: editor.id })).toBeNull();
      expect(mayActOnRequest(otherEditor, { status, adminId: editor.id })).toBe(true);
    }
  });
});
