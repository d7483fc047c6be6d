// Activates a template version from a declared A/B winner: one statement, so the template has exactly
// one active version at every instant (the other versions go inactive in the same UPDATE).
// TO REPLACE by the versions module's `activateVersion` (src/modules/templates/versions/) once it is
// merged: it owns activation (its race guard, its audit row and what new sites get).
import type { Prisma } from "@prisma/client";

export async function activateWinningVersion(tx: Prisma.TransactionClient, versionId: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE template_versions SET is_active = (id = ${versionId})
     WHERE template_id = (SELECT template_id FROM template_versions WHERE id = ${versionId})
       AND (is_active OR id = ${versionId})`;
}
