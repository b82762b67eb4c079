/** The compiled command line's entry, dist/server/main.js. */
export const COMPILED_MAIN: string;
/** True when dist/server was built after every server source file and package.json last changed. */
export function serverBuildIsCurrent(): boolean;
/** Compiles src/server into dist/server (or another folder directly under dist/). */
export function buildServer(outDir?: string): Promise<void>;
/** Builds dist/server unless it is current. */
export function ensureServerBuild(): Promise<void>;
