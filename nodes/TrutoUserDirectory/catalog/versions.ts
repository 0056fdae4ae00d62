/**
 * Versions of the node. Saved workflows keep the version they were made with;
 * new nodes get the newest. A change that would alter what a saved workflow
 * does (a new default, a renamed parameter or value, a different output) goes
 * into a new version, shown with `@version` in displayOptions or read from
 * `getNode().typeVersion`; anything else may change within a version.
 *
 * 1    the first release
 * 1.1  a new node opens on Get Many (version 1 opened Organization on Delete)
 */
export const NODE_VERSIONS = [1, 1.1];
export const LATEST_VERSION = 1.1;

/** The resource a new node opens on. */
export const DEFAULT_RESOURCE = 'organization';

/** Operations that version 1 opened a resource on, where they differ from the catalog's default. */
export const VERSION_1_DEFAULT_OPERATIONS: Record<string, string> = { organization: 'delete' };
