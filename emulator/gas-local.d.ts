// Types for gas-local (the package ships none): loads every script file of a folder into one vm context.
declare module 'gas-local' {
  import type { Context } from 'node:vm';

  interface GasLocal {
    /**
     * Runs every file of `folderPath` (recursively) that `options.filter` accepts (default: `.js`) in
     * `vm.createContext(globalObject)`, in directory order, and returns that context.
     */
    require(
      folderPath: string,
      globalObject?: Record<string, unknown>,
      options?: { filter?: (file: string) => boolean },
    ): Context;
    /** gas-local's own minimal Logger/Utilities mocks. */
    globalMockDefault: Record<string, unknown>;
  }
  const gas: GasLocal;
  export default gas;
}
