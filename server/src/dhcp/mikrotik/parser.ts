import type { Span } from '../../core/text';
import type { DhcpFile } from '../model';
import { emptyDhcpFile, readSafely } from '../file';
import { buildModel, type Entry, type Report } from './build';
import { readCommands, type Arg, type Command } from './lexer';

/**
 * Reads a MikroTik RouterOS export (`/export`, `.rsc` scripts) into the shared model. Only the
 * DHCP server menus matter — `/ip dhcp-server` (servers), `network`, `option`, `option sets`,
 * `lease` and `/ip pool`; every other menu, and script commands (`:if`, `:foreach`, …), are
 * skipped quietly, as a full router export has hundreds. `add` creates an entry; `set` changes
 * entries named by number, by name or by `[ find key=value ]`. How the entries become scopes is
 * build.ts. The syntax follows the RouterOS manuals ("Scripting", "DHCP"); no RouterOS binary
 * was at hand to confirm its verdicts, so only what the manuals say RouterOS refuses is an error.
 * Never throws; linear in the text.
 */
export function parseMikrotik(path: string, text: string): DhcpFile {
  const file = emptyDhcpFile('mikrotik', path, text);
  return readSafely(file, 'RouterOS', () => new MikrotikReader(file).read());
}

/** The menus read, by path. */
export const MENUS = ['ip dhcp-server', 'ip dhcp-server network', 'ip dhcp-server option', 'ip dhcp-server option sets', 'ip dhcp-server lease', 'ip pool'] as const;
export type Menu = (typeof MENUS)[number];
const READ: ReadonlySet<string> = new Set(MENUS);

/** Menu commands: the word after a menu path. A path word is any other plain word. */
const COMMANDS: ReadonlySet<string> = new Set([
  'add', 'set', 'remove', 'print', 'export', 'import', 'enable', 'disable', 'edit', 'find', 'get', 'move', 'reset', 'unset',
  'comment', 'make-static', 'check-status', 'release', 'monitor', 'rebind', 'renew', 'send-reconfigure',
]);

/** Problems kept per file: a broken 10 MB file would otherwise report millions. */
const MAX_PROBLEMS = 1000;

const PATH_WORD = /^[a-z0-9][\w-]*$/i;

class MikrotikReader {
  private menu: string[] = [];
  private readonly entries = new Map<string, Entry[]>();

  constructor(private readonly file: DhcpFile) {}

  private readonly report: Report = (span, message, severity = 'error') => {
    const problems = this.file.problems;
    if (problems.length > MAX_PROBLEMS) return;
    if (problems.length === MAX_PROBLEMS) problems.push({ file: this.file.path, span, severity: 'warning', message: `more than ${MAX_PROBLEMS} problems: the rest are not shown` });
    else problems.push({ file: this.file.path, span, message, severity });
  };

  read(): void {
    readCommands(this.file.text, {
      command: (c) => this.command(c),
      comment: (c) => this.file.comments.push(c),
      error: (span, message) => this.report(span, message),
    });
    buildModel(this.file, (menu) => this.entries.get(menu) ?? [], this.report);
  }

  /** `[/path words] [command args…]`: a path alone changes the current menu; with a command it names the menu of that command only. */
  private command(c: Command): void {
    const args = c.args;
    const head = args[0];
    if (head.key || head.expression || head.value.text.startsWith(':')) return;
    const absolute = head.value.text.startsWith('/');
    const path = absolute ? head.value.text.split('/').filter(Boolean) : [...this.menu];
    let i = absolute ? 1 : 0;
    for (; i < args.length && isPathWord(args[i]); i++) path.push(args[i].value.text);
    // RouterOS 7 also writes the command into the path: `/ip/pool/add name=…`.
    let verb: { text: string; span: Span } | undefined;
    if (i < args.length && !args[i].key && COMMANDS.has(args[i].value.text)) verb = { text: args[i++].value.text, span: args[i - 1].span };
    else if (absolute && i === 1 && COMMANDS.has(path[path.length - 1] ?? '') && path.length > 1) verb = { text: path.pop() as string, span: head.span };
    if (!verb) {
      if (i === args.length && (absolute || i > 0)) this.menu = path;
      return;
    }
    const menu = path.join(' ');
    if (!READ.has(menu)) return;
    const rest = args.slice(i);
    if (verb.text === 'add') {
      const list = this.entries.get(menu) ?? [];
      list.push({ command: c, verb: verb.span, props: propsOf(rest) });
      this.entries.set(menu, list);
    } else if (verb.text === 'set') this.set(menu, rest);
  }

  /** `set TARGET key=value…`, TARGET being numbers, names or `[ find key=value … ]`; targets the file does not add are skipped. */
  private set(menu: string, args: Arg[]): void {
    let target: Arg | undefined;
    const props = new Map<string, Arg>();
    for (const a of args) {
      if (a.key?.value === 'numbers') target = a;
      else if (a.key) props.set(a.key.value, a);
      else target ??= a;
    }
    if (!target) return;
    for (const e of this.targets(this.entries.get(menu) ?? [], target)) for (const [k, v] of props) e.props.set(k, v);
  }

  private targets(list: Entry[], target: Arg): Entry[] {
    const text = target.value.text.trim();
    if (target.expression) {
      const raw = this.file.text.slice(target.value.span.start, target.value.span.end).replace(/\\\r?\n[ \t]*/g, '');
      const m = /^\[\s*find\b(?:\s+where\b)?([^\]]*)\]$/.exec(raw.trim());
      if (!m) return [];
      const conditions = [...m[1].matchAll(/([\w.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s"]+)/g)].map((c) => [c[1], c[2].replace(/^"|"$/g, '')] as const);
      // Anything but key=value conditions (`default=yes`, `dynamic`, `!disabled`) is left alone.
      if (m[1].replace(/([\w.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s"]+)/g, '').trim()) return [];
      return list.filter((e) => conditions.every(([k, v]) => e.props.get(k)?.value.text === v));
    }
    if (/^\d+(,\d+)*$/.test(text)) return text.split(',').map((n) => list[Number(n)]).filter((e): e is Entry => e !== undefined);
    const names = new Set(text.split(','));
    return list.filter((e) => names.has(e.props.get('name')?.value.text ?? ''));
  }
}

const isPathWord = (a: Arg): boolean => !a.key && !a.expression && !COMMANDS.has(a.value.text) && PATH_WORD.test(a.value.text);

function propsOf(args: Arg[]): Map<string, Arg> {
  const props = new Map<string, Arg>();
  for (const a of args) if (a.key) props.set(a.key.value, a);
  return props;
}
