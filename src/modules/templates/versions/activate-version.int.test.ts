// Activation and rollback of template versions on the real PostgreSQL: exactly one active version per
// template under concurrent activations, rollback walking back the history, refusals, and the audit.
import type { PrismaClient, Template } from "@prisma/client";
import { createPrisma } from "../../../db/prisma.js";
import { AppError } from "../../../lib/errors.js";
import { actingAs, makeAdmin } from "../../../../test/factories/index.js";
import { makeTemplate } from "../../../../test/factories/admin-resources.js";
import { activateVersion, activeVersionOf, rollbackTemplate } from "./index.js";

let prisma: PrismaClient;
type Actor = Parameters<typeof actingAs>[0];
let editor: Actor;
let viewer: Actor;
const actor = ({ id, email, name, role }: Awaited<ReturnType<typeof makeAdmin>>): Actor => ({ id, email, name, role });

beforeAll(async () => {
  prisma = createPrisma(process.env.DATABASE_URL!);
  editor = actor(await makeAdmin(prisma, { role: "editor" }));
  viewer = actor(await makeAdmin(prisma, { role: "viewer" }));
});

afterAll(async () => {
  await prisma.$disconnect();
});

const asEditor = <T>(fn: () => Promise<T>) => actingAs(editor, fn);

async function templateWithVersions(count: number): Promise<{ template: Template; ids: number[] }> {
  const template = await makeTemplate(prisma);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = await prisma.templateVersion.create({
      data: { templateId: template.id, version: `1.${i}.0`, configData: { sections: ["hero"], step: i } },
    });
    ids.push(v.id);
  }
  return { template, ids };
}

const activeIds = async (templateId: number) =>
  (await prisma.templateVersion.findMany({ where: { templateId, isActive: true }, select: { id: true } })).map(
    (v) => v.id,
  );

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("template version activation", () => {
  it("activates a version, replaces the active one and remembers it, audited", async () => {
    const { template, ids } = await templateWithVersions(2);
    const first = await asEditor(() => activateVersion(prisma, ids[0]!));
    expect(first).toMatchObject({ isActive: true, activatedBy: editor.id, previousVersionId: null });
    const second = await asEditor(() => activateVersion(prisma, ids[1]!, { reason: "new hero" }));
    expect(second).toMatchObject({ isActive: true, previousVersionId: ids[0] });
    expect(await activeIds(template.id)).toEqual([ids[1]]);
    expect((await activeVersionOf(prisma, template.id))?.id).toBe(ids[1]);

    const log = await prisma.adminActivityLog.findMany({
      where: { resourceType: "template_versions", resourceId: { in: ids } },
      orderBy: { id: "asc" },
    });
    expect(log.map((l) => [l.action, l.resourceId, l.adminId])).toEqual([
      ["template_version.activate", ids[0], editor.id],
      ["template_version.activate", ids[1], editor.id],
    ]);
    expect(log[1]!.newValues).toMatchObject({ isActive: true, replacedVersionId: ids[0], reason: "new hero" });
  });

  it("refuses the active version again with a conflict, unless asked to return it", async () => {
    const { ids } = await templateWithVersions(1);
    await asEditor(() => activateVersion(prisma, ids[0]!));
    const again = await refusal(asEditor(() => activateVersion(prisma, ids[0]!)));
    expect(again.code).toBe("conflict");
    const same = await asEditor(() => activateVersion(prisma, ids[0]!, { alreadyActive: "return" }));
    expect(same.id).toBe(ids[0]);
  });

  it("refuses a missing version and an admin without templates.edit, writing nothing", async () => {
    const { template, ids } = await templateWithVersions(1);
    expect((await refusal(asEditor(() => activateVersion(prisma, 2_000_000_000)))).code).toBe("not_found");
    expect((await refusal(actingAs(viewer, () => activateVersion(prisma, ids[0]!)))).code).toBe("forbidden");
    expect(await activeIds(template.id)).toEqual([]);
  });

  it("keeps exactly one active version under 10 concurrent activations of different versions", async () => {
    const { template, ids } = await templateWithVersions(11);
    await asEditor(() => activateVersion(prisma, ids[10]!));
    const outcomes = await Promise.allSettled(
      ids.slice(0, 10).map((id) => asEditor(() => activateVersion(prisma, id))),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const o of lost) expect(o.reason).toMatchObject({ code: "conflict" });
    const active = await activeIds(template.id);
    expect(active).toHaveLength(1);
    // The active one is a winner, and each winner replaced the version active before it: a chain from 10.
    const winners = await prisma.templateVersion.findMany({
      where: { id: { in: won.map((o) => (o as PromiseFulfilledResult<{ id: number }>).value.id) } },
    });
    expect(winners.map((w) => w.id)).toContain(active[0]);
    const audited = await prisma.adminActivityLog.count({
      where: { action: "template_version.activate", resourceId: { in: ids } },
    });
    expect(audited).toBe(1 + won.length);
  });

  it("lets one of 10 concurrent activations of the same version win; the others get a conflict", async () => {
    const { template, ids } = await templateWithVersions(2);
    await asEditor(() => activateVersion(prisma, ids[0]!));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => asEditor(() => activateVersion(prisma, ids[1]!))),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected"))
      expect(o.reason).toMatchObject({ code: "conflict" });
    expect(await activeIds(template.id)).toEqual([ids[1]]);
  });

  it("keeps one active version when 10 activations race on a template with none active", async () => {
    const { template, ids } = await templateWithVersions(10);
    const outcomes = await Promise.allSettled(ids.map((id) => asEditor(() => activateVersion(prisma, id))));
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    for (const o of outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected"))
      expect(o.reason).toMatchObject({ code: "conflict" });
    expect(await activeIds(template.id)).toHaveLength(1);
  });

  it("takes part in a caller's transaction, which a refusal rolls back whole", async () => {
    const { template, ids } = await templateWithVersions(2);
    await asEditor(() =>
      prisma.$transaction(async (tx) => {
        await tx.template.update({ where: { id: template.id }, data: { status: "active" } });
        await activateVersion(tx, ids[0]!, { permission: "test", reason: "A/B winner" });
      }),
    );
    expect(await activeIds(template.id)).toEqual([ids[0]]);
    const failed = asEditor(() =>
      prisma.$transaction(async (tx) => {
        await tx.template.update({ where: { id: template.id }, data: { status: "archived" } });
        await activateVersion(tx, ids[0]!);
      }),
    );
    expect((await refusal(failed)).code).toBe("conflict");
    expect((await prisma.template.findUniqueOrThrow({ where: { id: template.id } })).status).toBe("active");
  });
});

describe("template rollback", () => {
  it("restores the version the active one replaced, then the one before", async () => {
    const { template, ids } = await templateWithVersions(3);
    for (const id of ids) await asEditor(() => activateVersion(prisma, id));
    const back = await asEditor(() => rollbackTemplate(prisma, template.id));
    expect(back.id).toBe(ids[1]);
    expect(await activeIds(template.id)).toEqual([ids[1]]);
    const further = await asEditor(() => rollbackTemplate(prisma, template.id));
    expect(further.id).toBe(ids[0]);
    const none = await refusal(asEditor(() => rollbackTemplate(prisma, template.id)));
    expect(none.code).toBe("conflict");
    expect(await activeIds(template.id)).toEqual([ids[0]]);
    expect(
      await prisma.adminActivityLog.count({ where: { action: "template_version.rollback", resourceId: { in: ids } } }),
    ).toBe(2);
  });

  it("refuses a template without an active version", async () => {
    const { template } = await templateWithVersions(1);
    expect((await refusal(asEditor(() => rollbackTemplate(prisma, template.id)))).code).toBe("conflict");
  });
});
