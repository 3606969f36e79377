import { describe, expect, it } from "vitest";
import { canAssignRole, canRemoveMember, hasPermission } from "~/domain/permissions";

describe("hasPermission", () => {
  it("lets owners and admins manage members and the profile, members only view", () => {
    expect(hasPermission("OWNER", "members:manage")).toBe(true);
    expect(hasPermission("ADMIN", "organization:update")).toBe(true);
    expect(hasPermission("MEMBER", "members:manage")).toBe(false);
    expect(hasPermission("MEMBER", "organization:update")).toBe(false);
    expect(hasPermission("MEMBER", "members:view")).toBe(true);
  });
  it("grants nothing without a role", () => {
    expect(hasPermission(null, "members:view")).toBe(false);
  });
});

describe("canAssignRole", () => {
  it("lets admins add members and admins", () => {
    expect(canAssignRole("ADMIN", null, "MEMBER", 1)).toEqual({ ok: true });
    expect(canAssignRole("ADMIN", "MEMBER", "ADMIN", 1)).toEqual({ ok: true });
  });
  it("keeps ownership in owners' hands", () => {
    expect(canAssignRole("ADMIN", null, "OWNER", 1)).toMatchObject({ ok: false, reason: /only an owner/i });
    expect(canAssignRole("ADMIN", "OWNER", "MEMBER", 2)).toMatchObject({ ok: false });
    expect(canAssignRole("OWNER", "MEMBER", "OWNER", 1)).toEqual({ ok: true });
  });
  it("never leaves an organisation without an owner", () => {
    expect(canAssignRole("OWNER", "OWNER", "ADMIN", 1)).toMatchObject({ ok: false, reason: /at least one owner/ });
    expect(canAssignRole("OWNER", "OWNER", "ADMIN", 2)).toEqual({ ok: true });
  });
  it("refuses plain members", () => {
    expect(canAssignRole("MEMBER", null, "MEMBER", 1)).toMatchObject({ ok: false });
  });
});

describe("canRemoveMember", () => {
  it("lets anyone leave, except the last owner", () => {
    expect(canRemoveMember("MEMBER", "MEMBER", 1, true)).toEqual({ ok: true });
    expect(canRemoveMember("OWNER", "OWNER", 1, true)).toMatchObject({ ok: false });
    expect(canRemoveMember("OWNER", "OWNER", 2, true)).toEqual({ ok: true });
  });
  it("lets managers remove others, but only owners remove owners", () => {
    expect(canRemoveMember("ADMIN", "MEMBER", 1, false)).toEqual({ ok: true });
    expect(canRemoveMember("ADMIN", "OWNER", 2, false)).toMatchObject({ ok: false });
    expect(canRemoveMember("OWNER", "OWNER", 2, false)).toEqual({ ok: true });
    expect(canRemoveMember("MEMBER", "MEMBER", 1, false)).toMatchObject({ ok: false });
  });
});
