/** Directives that take a `{ ... }` block in nginx and its common modules. */
export const BLOCK_DIRECTIVES: ReadonlySet<string> = new Set([
  'http', 'events', 'server', 'location', 'upstream', 'stream', 'mail', 'if', 'limit_except', 'map',
  'geo', 'split_clients', 'types', 'charset_map', 'match', 'js_set_block', 'perl_set_block', 'zone_sync',
]);

/** Bodies in another language (Lua), skipped as raw text rather than parsed as nginx. */
export function isRawBlock(name: string): boolean {
  return name.endsWith('_by_lua_block') || name === 'lua_block';
}

export function isBlockDirective(name: string): boolean {
  return BLOCK_DIRECTIVES.has(name) || isRawBlock(name);
}
