import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_RULES } from '../analysis';
import { docsPath, type Language } from '../core/rule';
import { PACKAGE_ROOT, runLanguageServer } from '../node/languageServer';
import { formatInspectJson, formatInspectText } from './format/inspect';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { inspect } from './inspect';
import { lint } from './lint';
import { route121 } from './route121';
import { parseSettingArg } from '../node/vscodeSettings';
import { settingProblem } from '../core/settings';

const VERSION = '0.1.0';
const LANGUAGES: Language[] = ['nginx', 'dhcpd', 'cisco-ios', 'dnsmasq', 'kea', 'mikrotik', 'istio', 'pem'];

const USAGE = `Usage:
  tlsnet lint PATH... [--format text|json|sarif] [--language LANG] [--docs-base-url URL]
             [--setting KEY=VALUE]...
      Lint files and directories (recursively); languages are detected as in the editor.
      Settings come from the nearest .vscode/settings.json (tlsnet.*), then --setting, e.g.
      --setting tlsnet.nginx.version=1.22.1 --setting tlsnet.tls.profile=modern.
      Exit 0: no error-severity finding; 1: at least one; 2: usage or I/O error.
  tlsnet inspect FILE... [--format text|json]
      Decode every certificate, CSR, CRL, key and PKCS#7 bundle in the files (PEM blocks
      anywhere in the text, or one DER object). Never prints key material.
      Exit 0: everything decoded; 1: something failed to decode; 2: usage or I/O error.
  tlsnet route121 encode ROUTE... [--format hex|cisco|isc|kea|dnsmasq|mikrotik] [--kea-version V]
      Encode DHCP option 121 classless static routes (RFC 3442) in one server's spelling.
      ROUTE is DEST/LEN,GATEWAY (0.0.0.0/0,GATEWAY for the default route); default format hex.
      --kea-version 2.6 or later writes Kea's classless-static-route string form.
  tlsnet route121 decode VALUE
      Decode an option 121 value in any spelling (plain, dotted, colon- or space-separated hex,
      0x, comma-decimal, Kea or dnsmasq route lists) and print its routes as JSON.
      Exit 0: decoded; 1: malformed (the message names the byte); 2: usage error.
  tlsnet lsp --stdio        Run the language server for any LSP editor.
  tlsnet rules              List every rule with its default severity.
  tlsnet --version | --help
`;

class UsageError extends Error {}

function parseLintArgs(argv: string[]): { paths: string[]; format: string; language?: Language; docsBaseUrl?: string; settings: [string, unknown][] } {
  const paths: string[] = [];
  const settings: [string, unknown][] = [];
  let format = 'text';
  let language: Language | undefined;
  let docsBaseUrl: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      format = value();
      if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format "${format}" (text, json or sarif)`);
    } else if (a === '--language' || a.startsWith('--language=')) {
      const l = value() as Language;
      if (!LANGUAGES.includes(l)) throw new UsageError(`unknown language "${l}" (${LANGUAGES.join(', ')})`);
      language = l;
    } else if (a === '--docs-base-url' || a.startsWith('--docs-base-url=')) docsBaseUrl = value();
    else if (a === '--setting' || a.startsWith('--setting=')) {
      const raw = a === '--setting' ? value() : a.slice('--setting='.length);
      const entry = parseSettingArg(raw);
      if (!entry) throw new UsageError(`--setting needs KEY=VALUE, got "${raw}"`);
      const problem = settingProblem(entry[0], entry[1], (id) => ALL_RULES.some((r) => r.id === id));
      if (problem) throw new UsageError(problem);
      settings.push(entry);
    }
    else if (a === '--') paths.push(...argv.slice(i + 1));
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
    if (a === '--') break;
  }
  if (!paths.length) throw new UsageError('lint needs at least one file or directory');
  return { paths, format, language, docsBaseUrl, settings };
}

function parseInspectArgs(argv: string[]): { paths: string[]; format: 'text' | 'json' } {
  const paths: string[] = [];
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a === '--format' ? argv[++i] : a.slice('--format='.length);
      if (v !== 'text' && v !== 'json') throw new UsageError(`unknown format "${v ?? ''}" for inspect (text or json)`);
      format = v;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
  }
  if (!paths.length) throw new UsageError('inspect needs at least one file');
  return { paths, format };
}

function readDocs(rule: string): string | undefined {
  const p = join(PACKAGE_ROOT, docsPath(rule));
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

export function run(argv: string[]): number {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === '--version' || cmd === '-v') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      (cmd === undefined ? process.stderr : process.stdout).write(USAGE);
      return cmd === undefined ? 2 : 0;
    }
    if (cmd === 'rules') {
      for (const r of ALL_RULES) process.stdout.write(`${r.id}\t${r.severity}\t${r.description.replace(/`/g, '')}\n`);
      return 0;
    }
    if (cmd === 'lint') {
      const args = parseLintArgs(rest);
      const result = lint(args.paths, { language: args.language, settings: args.settings });
      for (const e of result.ioErrors) process.stderr.write(`tlsnet: ${e}\n`);
      const out =
        args.format === 'json'
          ? formatJson(result)
          : args.format === 'sarif'
            ? formatSarif(result, { version: VERSION, rules: ALL_RULES, docs: readDocs, docsBaseUrl: args.docsBaseUrl, root: process.cwd(), relative })
            : formatText(result);
      process.stdout.write(out);
      if (result.ioErrors.length) return 2;
      return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    if (cmd === 'inspect') {
      const args = parseInspectArgs(rest);
      const result = inspect(args.paths);
      for (const e of result.ioErrors) process.stderr.write(`tlsnet: ${e}\n`);
      process.stdout.write(args.format === 'json' ? formatInspectJson(result) : formatInspectText(result));
      if (result.ioErrors.length) return 2;
      return result.objects.some((o) => o.kind === 'error') ? 1 : 0;
    }
    if (cmd === 'route121') {
      const r = route121(rest);
      if ('usage' in r) throw new UsageError(r.usage);
      process.stdout.write(r.stdout);
      process.stderr.write(r.stderr);
      return r.exit;
    }
    throw new UsageError(`unknown command "${cmd}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`tlsnet: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`tlsnet: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

const argv = process.argv.slice(2);
if (argv[0] === 'lsp') {
  // The server reads --stdio / --node-ipc / --socket=N from process.argv itself.
  if (!argv.slice(1).some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) process.argv.push('--stdio');
  runLanguageServer();
} else {
  const code = run(argv);
  // Let stdout drain before exiting (large JSON/SARIF to a pipe).
  process.stdout.write('', () => process.exit(code));
}
