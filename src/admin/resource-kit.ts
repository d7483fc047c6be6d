// What a module's resource.ts receives to declare its AdminJS resources.
import type { PrismaClient } from "@prisma/client";
import type { ResourceOptions, ResourceWithOptions, FeatureType } from "adminjs";
import type { DmmfModel } from "./dmmf.js";
import { LocodPrismaResource } from "./prisma-resource.js";
import type { Components } from "./components.js";
import { NAVIGATION } from "./navigation.js";

export interface ResourceKit {
  prisma: PrismaClient;
  components: Components;
  nav: typeof NAVIGATION;
  /** A Prisma model as an AdminJS resource; newest-first unless the options sort otherwise. */
  resource(modelName: string, options: ResourceOptions, features?: FeatureType[]): ResourceWithOptions;
}

export type ResourceFactory = (kit: ResourceKit) => ResourceWithOptions[];

export function createResourceKit(
  prisma: PrismaClient,
  models: Map<string, DmmfModel>,
  components: Components,
): ResourceKit {
  return {
    prisma,
    components,
    nav: NAVIGATION,
    resource(modelName, options, features = []) {
      const model = models.get(modelName);
      if (!model) throw new Error(`Unknown Prisma model ${modelName}`);
      return {
        resource: new LocodPrismaResource({ model, client: prisma }),
        options: { id: model.dbName ?? model.name, ...options },
        features,
      } as unknown as ResourceWithOptions;
    },
  };
}
