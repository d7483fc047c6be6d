// adminjs exports its bundler as "adminjs/bundler" without type declarations.
declare module "adminjs/bundler" {
  export const ADMIN_JS_TMP_DIR: string;
  /** Where the bundle of components/ is written (.adminjs/bundle.js). */
  export const COMPONENTS_OUTPUT_PATH: string;
  export const componentsBundler: {
    createEntry(options: { content: string }): Promise<void>;
    build(): Promise<void>;
  };
  export function generateUserComponentEntry(admin: unknown, entryPath: string): string;
}
