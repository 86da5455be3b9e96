import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

// The Cisco IOS grammar on the DHCP constructs the parser reads, tokenized as VS Code does
// (vscode-textmate + oniguruma): no IOS-valid spelling may show as invalid.

let grammar: IGrammar | null = null;

before(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  const file = join(process.cwd(), 'syntaxes', 'cisco-ios.tmLanguage.json');
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => parseRawGrammar(readFileSync(file, 'utf8'), file),
  });
  grammar = await registry.loadGrammar('source.cisco-ios');
});

/** Each word of `line` with the last scope of its token. */
function scopesOf(line: string): Array<[string, string]> {
  assert.ok(grammar);
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  return tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]] as [string, string]).filter(([w]) => w.trim());
}

test('cisco grammar: hex with ":" or blanks, wildcards and bitmasks are valid', () => {
  const lines = [
    'option 121 hex 2001.0101.01c0.a800 0117.0202.02c0.a800.02',
    'option 43 hex 01:04:0a:0a:0a:0a',
    'relay-information hex 01060004000100* mask 0000ffff',
    'relay-information hex 010600040001 * bitmask 0000ffff0000',
  ];
  for (const line of lines) {
    const scopes = scopesOf(line);
    assert.deepEqual(scopes.filter(([, s]) => s.startsWith('invalid')), [], line);
    assert.ok(scopes.some(([, s]) => s === 'constant.numeric.hex.cisco-ios'), line);
  }
  assert.deepEqual(scopesOf('relay-information hex 0106 * bitmask ffff').slice(3), [['*', 'keyword.operator.wildcard.cisco-ios'], ['bitmask', 'keyword.other.cisco-ios'], ['ffff', 'constant.numeric.hex.cisco-ios']]);
  assert.deepEqual(scopesOf('option 121 hex 2001.zz01').at(-1), ['2001.zz01', 'invalid.illegal.hex.cisco-ios']);
});

test('cisco grammar: pool keywords and the client request', () => {
  assert.deepEqual(scopesOf('  override default-router 10.1.0.1'), [['override', 'keyword.other.command.cisco-ios'], ['default-router', 'keyword.other.cisco-ios'], ['10.1.0.1', 'constant.numeric.ip-address.ipv4.cisco-ios']]);
  assert.deepEqual(scopesOf(' address 10.0.0.9 client-id 0100.1122.3344.55').map(([, s]) => s), ['keyword.other.command.cisco-ios', 'constant.numeric.ip-address.ipv4.cisco-ios', 'keyword.other.cisco-ios', 'constant.numeric.hex.cisco-ios']);
  assert.deepEqual(scopesOf(' ip dhcp client request classless-static-route'), [['ip dhcp client request classless-static-route', 'keyword.other.command.cisco-ios']]);
  assert.deepEqual(scopesOf(' network 10.0.0.0 /24 secondary').map(([, s]) => s), ['keyword.other.command.cisco-ios', 'constant.numeric.ip-address.ipv4.cisco-ios', 'constant.numeric.prefix-length.cisco-ios', 'keyword.other.cisco-ios']);
});
