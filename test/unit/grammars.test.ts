// The TextMate grammars, snippets and language configurations, checked the way VS Code uses them:
// grammars are tokenized with vscode-textmate + oniguruma and scopes are asserted on real lines.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';
import { expandSnippet } from '../snippets';

const root = process.cwd();
const corpus = resolve(root, '../shared/corpus');
const LANGUAGES = ['nginx', 'dhcpd', 'cisco-ios', 'dnsmasq', 'mikrotik', 'pem'] as const;

interface Token { readonly line: number; readonly start: number; readonly end: number; readonly scopes: readonly string[] }
interface Doc { readonly lines: readonly string[]; readonly tokens: readonly Token[]; readonly end: StateStack; readonly stoppedEarly: boolean }

let registry: Registry | undefined;

before(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const name = LANGUAGES.find((l) => `source.${l}` === scopeName);
      const file = join(root, 'syntaxes', `${name ?? 'missing'}.tmLanguage.json`);
      return name ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
  });
});

/** Tokenize line by line as the editor does; the registry caches each grammar. */
async function tokenize(scope: string, text: string): Promise<Doc> {
  const grammar: IGrammar | null | undefined = await registry?.loadGrammar(scope);
  assert.ok(grammar, `grammar ${scope} did not load`);
  const lines = text.split(/\r?\n/);
  const tokens: Token[] = [];
  let state: StateStack = INITIAL;
  let stoppedEarly = false;
  for (const [line, lineText] of lines.entries()) {
    const result = grammar.tokenizeLine(lineText, state, 2000);
    stoppedEarly ||= result.stoppedEarly;
    for (const t of result.tokens) tokens.push({ line, start: t.startIndex, end: t.endIndex, scopes: t.scopes });
    state = result.ruleStack;
  }
  return { lines, tokens, end: state, stoppedEarly };
}

const hasScope = (scopes: readonly string[], scope: string): boolean => scopes.some((s) => s === scope || s.startsWith(`${scope}.`));

/** The token under character `offset` of the first occurrence of `needle`. */
function tokenAt(doc: Doc, needle: string, offset = 0): Token & { readonly text: string } {
  const line = doc.lines.findIndex((l) => l.includes(needle));
  const text = doc.lines[line] ?? assert.fail(`"${needle}" not in the sample`);
  const at = text.indexOf(needle) + offset;
  const token = doc.tokens.find((t) => t.line === line && t.start <= at && at < t.end);
  assert.ok(token, `no token under "${needle}"`);
  return { ...token, text: text.slice(token.start, token.end) };
}

function expectScope(doc: Doc, needle: string, scope: string, offset = 0, present = true): void {
  const { scopes } = tokenAt(doc, needle, offset);
  assert.equal(hasScope(scopes, scope), present, `"${needle}"@${offset} ${present ? 'lacks' : 'has'} ${scope}: ${scopes.join(' ')}`);
}

/** Each needle is exactly one token (not split, not merged with a neighbour) carrying its scope. */
function expectTokens(doc: Doc, table: Readonly<Record<string, string>>): void {
  for (const [needle, scope] of Object.entries(table)) {
    assert.equal(tokenAt(doc, needle).text, needle, `"${needle}" is one token`);
    expectScope(doc, needle, scope);
  }
}

describe('nginx grammar', () => {
  const sample = `# mTLS front end (domain.md section 3)
server {
    listen 443 ssl;
    # tlsnet-disable-next-line nginx/verify-client-without-ca
    ssl_verify_client on;
    ssl_protocols TLSv1 TLSv1.3;
    add_header X-Frame-Options foo#bar;
    ssl_session_timeout 1d; client_max_body_size 10m;
    location ~* \\.(png|jpg)$ {
        proxy_set_header X-Client-Verify $ssl_client_verify;
        return 301 https://\${host}$request_uri;
    }
    content_by_lua_block {
        ngx.say("} is not the end") -- nor is this {
    }
    proxy_ssl_verify off;
}`;

  test('directives, comments, variables, constants; no comment inside a word', async () => {
    const doc = await tokenize('source.nginx', sample);
    expectScope(doc, '# mTLS', 'comment.line.number-sign.nginx');
    expectTokens(doc, { 'tlsnet-disable-next-line': 'keyword.other.suppression.tlsnet.nginx' });
    expectTokens(doc, { server: 'keyword.other.directive.block.nginx', '{': 'punctuation.section.block.begin.nginx' });
    expectTokens(doc, { ssl_verify_client: 'keyword.other.directive.tls.nginx', 'TLSv1.3': 'support.constant.protocol.nginx' });
    expectScope(doc, 'ssl_verify_client', 'keyword.other.directive');
    expectScope(doc, ' on;', 'constant.language.nginx', 1);
    expectScope(doc, '$ssl_client_verify', 'variable.other.nginx', 1);
    expectScope(doc, '${host}', 'variable.other.nginx', 2);
    expectScope(doc, 'https://', 'string.unquoted.url.nginx');
    expectScope(doc, 'TLSv1 ', 'invalid.deprecated.protocol.nginx');
    expectScope(doc, '1d', 'constant.numeric.nginx');
    expectScope(doc, '10m', 'keyword.other.unit.nginx', 2);
    expectScope(doc, '443 ssl', 'constant.language.listen.tls.nginx', 4);
    // '#' starts a comment only at the start of a word, and the statement still ends at ';'.
    expectScope(doc, 'foo#bar', 'comment', 3, false);
    expectScope(doc, 'foo#bar;', 'punctuation.terminator.nginx', 7);
  });

  test('location regexes and *_by_lua_block bodies', async () => {
    const doc = await tokenize('source.nginx', sample);
    expectTokens(doc, { '~*': 'keyword.operator.location-modifier.nginx' });
    expectScope(doc, '\\.(png', 'string.regexp.nginx');
    expectScope(doc, '"} is', 'string.quoted.double.lua', 1);
    expectScope(doc, '-- nor', 'comment.line.double-dash.lua');
    // The braces in the Lua string and comment did not count: what follows is still nginx.
    expectTokens(doc, { proxy_ssl_verify: 'keyword.other.directive.tls.nginx' });
    assert.equal(doc.end.depth, 1, 'every block closed');
  });
});

describe('other grammars', () => {
  test('ISC dhcpd: option 121 definition, declarations, addresses', async () => {
    const doc = await tokenize('source.dhcpd', `option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;
subnet 192.168.1.0 netmask 255.255.255.0 { # office
  option rfc3442-classless-static-routes 8, 10, 192,168,1,254, 0, 192,168,1,1;
  host printer { hardware ethernet 00:11:22:33:44:55; fixed-address 192.168.1.50; }
}`);
    expectTokens(doc, {
      'rfc3442-classless-static-routes': 'entity.name.type.option.dhcpd', '121': 'constant.numeric.option-code.dhcpd',
      'array of': 'storage.type.option-format.dhcpd', subnet: 'keyword.other.declaration.dhcpd',
      '192.168.1.0': 'constant.numeric.ip-address.ipv4.dhcpd', netmask: 'keyword.other.dhcpd',
      '00:11:22:33:44:55': 'constant.numeric.mac-address.dhcpd',
    });
    expectScope(doc, '# office', 'comment.line.number-sign.dhcpd');
    expectScope(doc, 'static-routes 8', 'support.type.property-name.option.dhcpd');
  });

  test('Cisco IOS: pools, option 121 hex, comments', async () => {
    const doc = await tokenize('source.cisco-ios', `!
ip dhcp excluded-address 192.168.0.1 192.168.0.10
ip dhcp pool foxnetwork
 network 192.168.0.0 255.255.255.0
 option 121 hex 2001.0101.01c0.a800.0117.0202.02c0.a800.02
 hardware-address aabb.cc00.0100
interface GigabitEthernet0/1
 description uplink ! not a comment`);
    expectScope(doc, '!', 'comment.line.exclamation.cisco-ios');
    expectTokens(doc, {
      'ip dhcp pool': 'keyword.other.command.cisco-ios', foxnetwork: 'entity.name.section.dhcp-pool.cisco-ios',
      '255.255.255.0': 'constant.numeric.ip-address.ipv4.cisco-ios', '121': 'constant.numeric.option-code.cisco-ios',
      hex: 'storage.type.option-format.cisco-ios', '2001.0101.01c0.a800.0117.0202.02c0.a800.02': 'constant.numeric.hex.cisco-ios',
      'aabb.cc00.0100': 'constant.numeric.mac-address.cisco-ios', 'GigabitEthernet0/1': 'entity.name.section.interface.cisco-ios',
    });
    expectScope(doc, '! not', 'comment', 0, false);
  });

  test('dnsmasq: keys, dhcp-option codes, tags, comments', async () => {
    const doc = await tokenize('source.dnsmasq', `dhcp-range=set:lan,192.168.1.100,192.168.1.200,12h
dhcp-option=tag:lan,121,10.0.0.0/8,192.168.1.254 # routes
dhcp-host=00:11:22:33:44:55,printer,192.168.1.50,infinite
nftset=/example.com/4#ip#test#vpn4`);
    expectTokens(doc, {
      'dhcp-range': 'keyword.other.key.dnsmasq', set: 'storage.modifier.tag.dnsmasq', '121': 'constant.numeric.option-code.dnsmasq',
      '10.0.0.0/8': 'constant.numeric.ip-address.ipv4.dnsmasq', '00:11:22:33:44:55': 'constant.numeric.mac-address.dnsmasq',
    });
    expectScope(doc, '# routes', 'comment.line.number-sign.dnsmasq');
    expectScope(doc, '#ip#test', 'comment', 0, false);
  });

  test('MikroTik RouterOS: menus, commands, properties, 0x values, continuations, comments', async () => {
    const doc = await tokenize('source.mikrotik', `# 2024-03-15 10:22:01 by RouterOS 7.14.1
/ip dhcp-server option
add code=121 name=classless value=0x080ac0a801fe00c0a80101
/ip dhcp-server network
add address=192.168.1.0/24 comment="LAN \\"main\\" $x" dhcp-option=classless gateway=\\
    192.168.1.1
/ip dhcp-server lease add address=192.168.1.50 mac-address=00:11:22:33:44:55
/ip dhcp-server
set [ find name=dhcp1 ] lease-time=1d2h
:put "done"`);
    expectScope(doc, '# 2024', 'comment.line.number-sign.mikrotik');
    expectTokens(doc, {
      '/ip dhcp-server option': 'entity.name.section.menu.mikrotik', '/ip dhcp-server lease': 'entity.name.section.menu.mikrotik',
      add: 'keyword.other.command.mikrotik', set: 'keyword.other.command.mikrotik', find: 'keyword.other.command.mikrotik',
      code: 'variable.parameter.property.mikrotik', 'dhcp-option': 'variable.parameter.property.mikrotik',
      '0x080ac0a801fe00c0a80101': 'constant.numeric.hex.mikrotik', '192.168.1.0/24': 'constant.numeric.ip-address.ipv4.mikrotik',
      '00:11:22:33:44:55': 'constant.numeric.mac-address.mikrotik', '1d2h': 'constant.numeric.duration.mikrotik', ':put': 'keyword.control.script.mikrotik',
    });
    expectScope(doc, '=classless', 'keyword.other.command', 1, false);
    expectScope(doc, '"LAN', 'string.quoted.double.mikrotik');
    expectScope(doc, '\\"main', 'constant.character.escape.mikrotik');
    expectScope(doc, '$x', 'variable.other.mikrotik');
    expectScope(doc, 'gateway=\\', 'punctuation.separator.continuation.line.mikrotik', 8);
    expectScope(doc, '    192.168.1.1', 'constant.numeric.ip-address.ipv4.mikrotik', 4);
    expectScope(doc, '192.168.1.1', 'string', 0, false);
  });

  test('PEM: explanatory text, boundaries, headers, base64', async () => {
    const doc = await tokenize('source.pem', `subject=CN = example.com
-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIUAbc+/def==
-----END CERTIFICATE-----
-----BEGIN RSA PRIVATE KEY-----
Proc-Type: 4,ENCRYPTED
DEK-Info: AES-128-CBC,3F17F5316E2BAC89CE1B0A2A2C4B8DE0

MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu
-----END RSA PRIVATE KEY-----`);
    expectScope(doc, 'subject=', 'comment.line.explanatory-text.pem');
    expectTokens(doc, {
      BEGIN: 'keyword.control.begin.pem', CERTIFICATE: 'entity.name.tag.label.pem', '-----': 'punctuation.definition.tag.pem',
      'MIIBszCCAVmgAwIBAgIUAbc+/def==': 'string.unquoted.base64.pem', 'Proc-Type': 'support.type.property-name.header.pem',
      'AES-128-CBC': 'support.constant.cipher.pem', END: 'keyword.control.end.pem',
    });
    assert.equal(doc.end.depth, 1);
  });
});

const CORPUS: ReadonlyArray<{ scope: string; dirs: readonly string[]; accept: RegExp }> = [
  { scope: 'source.nginx', dirs: ['nginx'], accept: /\.conf(\.sample)?$|_params$|^mime\.types$/ },
  { scope: 'source.dhcpd', dirs: ['dhcp/isc-dhcp'], accept: /\.(conf|in4|in6|cf)$|^dhcpd\.conf\.example$/ },
  { scope: 'source.cisco-ios', dirs: ['dhcp/batfish', 'dhcp/ciscoconfparse'], accept: /./ },
  { scope: 'source.dnsmasq', dirs: ['dhcp/dnsmasq'], accept: /^dnsmasq\.conf/ },
  { scope: 'source.pem', dirs: ['pki'], accept: /\.(pem|crt|csr|crl|crttest|crltest)$/ },
];

const walk = (dir: string, accept: RegExp): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((f) => join(dir, f)).filter((f) => accept.test(basename(f)) && statSync(f).isFile())
    : [];

describe('corpus', () => {
  const skip = existsSync(corpus) ? false : `corpus not found at ${corpus}`;
  for (const { scope, dirs, accept } of CORPUS) {
    test(`${scope} tokenizes corpus files without errors or timeouts`, { skip }, async () => {
      const files = dirs.flatMap((d) => walk(join(corpus, d), accept));
      assert.ok(files.length > 0, `no ${scope} files under ${corpus}`);
      const stride = Math.ceil(files.length / 250); // a deterministic sample of at most 250 files
      for (const file of files.filter((_, i) => i % stride === 0)) {
        const doc = await tokenize(scope, readFileSync(file, 'utf8'));
        assert.equal(doc.stoppedEarly, false, `${file}: a line hit the 2 s limit`);
        const stray = doc.tokens.find((t) => hasScope(t.scopes, 'invalid.illegal.stray-brace'));
        assert.equal(stray, undefined, `${file}:${(stray?.line ?? 0) + 1}: stray '}'`);
      }
    });
  }
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const readJson = (file: string): Json => JSON.parse(readFileSync(join(root, file), 'utf8')) as Json;
const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 3442 routes, "dest/width via router", from option 121 bytes. */
function decode121(bytes: readonly number[]): string[] {
  const routes: string[] = [];
  for (let i = 0; i < bytes.length; ) {
    const width = bytes[i++] ?? 0;
    assert.ok(width <= 32, `width ${width} > 32`);
    const dest = [0, 1, 2, 3].map((k) => (k < Math.ceil(width / 8) ? bytes[i + k] ?? 0 : 0));
    const bits = dest.reduce((n, b) => n * 256 + b, 0);
    assert.equal(bits % 2 ** (32 - width), 0, `destination bits beyond /${width} must be zero`);
    i += Math.ceil(width / 8);
    const router = bytes.slice(i, (i += 4));
    assert.equal(router.length, 4, 'truncated router');
    routes.push(`${dest.join('.')}/${width} via ${router.join('.')}`);
  }
  return routes;
}

describe('snippets', () => {
  const bodies = new Map<string, string>();
  test('every snippet has prefix, body and description, and real-server syntax', () => {
    for (const lang of ['nginx', 'dhcpd', 'cisco-ios', 'dnsmasq', 'mikrotik']) {
      const file = readJson(`snippets/${lang}.code-snippets`);
      assert.ok(isObject(file) && Object.keys(file).length >= 3, `${lang}: at least three snippets`);
      for (const [name, snippet] of Object.entries(file)) {
        assert.ok(isObject(snippet), name);
        const { prefix, body, description } = snippet;
        assert.ok(typeof prefix === 'string' || (Array.isArray(prefix) && prefix.every((p) => typeof p === 'string')), `${name}: prefix`);
        assert.ok(typeof description === 'string' && description.length > 20, `${name}: description`);
        assert.ok(Array.isArray(body) && body.every((l) => typeof l === 'string'), `${name}: body`);
        const text = body.join('\n');
        // "$host" would be read as a snippet variable and lose its '$': nginx variables are written "\$host".
        assert.doesNotMatch(text, /(?<!\\)\$[a-z_]/, `${name}: unescaped nginx variable`);
        assert.match(text, /\$\{?1\b/, `${name}: has tabstops`);
        bodies.set(`${lang}: ${name}`, expandSnippet(text));
      }
    }
  });

  test('the option 121 snippets of all four servers encode the same routes, default route included', () => {
    const find = (re: RegExp): string => [...bodies.values()].find((b) => re.test(b)) ?? assert.fail(`no snippet ${re}`);
    const hex = /option 121 hex ([0-9a-f.]+)/.exec(find(/option 121 hex/))?.[1] ?? '';
    const cisco = decode121(hex.replaceAll('.', '').match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
    const isc = decode121((/rfc3442-classless-static-routes ([\d, ]+);/.exec(find(/static-routes \d/))?.[1] ?? '').split(/[\s,]+/).map(Number));
    const pairs = (/dhcp-option=121,(.*)/.exec(find(/dhcp-option=121/))?.[1] ?? '').split(',');
    const dnsmasq = pairs.flatMap((p, i) => (i % 2 ? [] : [`${p} via ${pairs[i + 1] ?? '?'}`]));
    assert.ok(cisco.some((r) => r.startsWith('0.0.0.0/0 via')), 'option 121 must repeat the default route');
    assert.deepEqual(isc, cisco);
    assert.deepEqual(dnsmasq, cisco);
    const mikrotik = (/code=121 \S+ value=0x([0-9a-f]+)/.exec(find(/code=121 /))?.[1] ?? '').match(/../g)?.map((h) => parseInt(h, 16)) ?? [];
    assert.deepEqual(decode121(mikrotik), cisco);
  });
});

describe('language configurations', () => {
  const words = (pattern: string, text: string): string[] => [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => m[0]);
  const config = (file: string): { [key: string]: Json } => {
    const value = readJson(file); // plain JSON: no comments, no trailing commas
    assert.ok(isObject(value) && typeof value.wordPattern === 'string', `${file}: wordPattern`);
    return value;
  };

  test('nginx, dhcpd and dnsmasq share language-configuration.json', () => {
    const c = config('language-configuration.json');
    assert.deepEqual(c.comments, { lineComment: '#' });
    assert.deepEqual(c.brackets, [['{', '}'], ['[', ']'], ['(', ')']]);
    const line = 'ssl_verify_client $ssl_client_verify ${host} 10.0.0.0/8 2001.0101.01c0.a800.02 00:11:22:33:44:55 rfc3442-classless-static-routes;';
    assert.deepEqual(words(String(c.wordPattern), line), line.slice(0, -1).split(' '));
    const rules = c.indentationRules;
    assert.ok(isObject(rules) && typeof rules.increaseIndentPattern === 'string');
    assert.match('    location / { # api', new RegExp(rules.increaseIndentPattern));
    assert.doesNotMatch('set $a ${b};', new RegExp(rules.increaseIndentPattern));
  });

  test('Cisco IOS and PEM', () => {
    const cisco = config('language-configuration.cisco.json');
    assert.deepEqual(cisco.comments, { lineComment: '!' });
    assert.deepEqual(cisco.brackets, []);
    const line = 'option 121 hex 2001.0101.01c0.a800.02 192.168.0.0/24 GigabitEthernet0/1.100';
    assert.deepEqual(words(String(cisco.wordPattern), line), line.split(' '));
    const pem = config('language-configuration.pem.json');
    assert.equal(pem.comments, undefined);
    const base64 = 'MIIEkTCCA3mgAwIBAgIERWtQVDANBgkqhkiG9w0BAQUFADCBsDELMAkGA1UEBhMCVVMx+/9=';
    assert.deepEqual(words(String(pem.wordPattern), base64), [base64]);
  });

  test('package.json contributes each grammar under its own scope name', () => {
    const pkg = readJson('package.json');
    const grammars = isObject(pkg) && isObject(pkg.contributes) ? pkg.contributes.grammars : undefined;
    for (const g of Array.isArray(grammars) ? grammars : assert.fail('no contributes.grammars')) {
      const grammar = isObject(g) && typeof g.path === 'string' ? readJson(g.path) : null;
      assert.ok(isObject(grammar) && isObject(g) && grammar.scopeName === g.scopeName, `${JSON.stringify(g)}: scopeName`);
    }
  });
});
