import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import type { Directive } from '../../server/src/nginx/ast';
import { parseNginx } from '../../server/src/nginx/parser';

// Puts a corpus nginx config into a private prefix where real `nginx -t` can judge it on its TLS
// merits: every certificate/key/CA/CRL/dhparam path is pointed at real generated files, includes
// are copied in (or dropped when they exist only on someone's server), logs and temp paths land in
// the prefix. Edits keep every line where it was, so nginx's "in FILE:LINE" still points at the
// source line, and tlsnet analyses exactly the files nginx read.

export interface Fixtures {
  dir: string;
  /** Stock include files (mime.types, *_params) for includes the corpus project lacks. */
  stock: Map<string, string>;
}

/** Generates a CA, a server certificate it signed, an unrelated key, a CRL; copies the dhparam. */
export function makeFixtures(dir: string, dhparam: string, stockDir?: string): Fixtures {
  mkdirSync(dir, { recursive: true });
  const run = (args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  run(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '365', '-subj', '/CN=tlsnet differential CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  run(['req', '-x509', '-CA', 'ca.crt', '-CAkey', 'ca.key', ...ec, '-keyout', 'server.key', '-out', 'server.crt', '-days', '365', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost']);
  run(['genpkey', '-algorithm', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'other.key']);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'crlnumber'), '01\n');
  writeFileSync(join(dir, 'ca.cnf'), `[ca]\ndefault_ca = d\n[d]\ndatabase = ${dir}/index.txt\ncrlnumber = ${dir}/crlnumber\ndefault_md = sha256\ndefault_crl_days = 30\n`);
  run(['ca', '-gencrl', '-config', 'ca.cnf', '-keyfile', 'ca.key', '-cert', 'ca.crt', '-out', 'ca.crl']);
  copyFileSync(dhparam, join(dir, 'dhparam.pem'));
  writeFileSync(join(dir, 'password.txt'), 'unused\n');
  writeFileSync(join(dir, 'ticket.key'), Buffer.alloc(80, 7));
  const stock = new Map<string, string>();
  mkdirSync(join(dir, 'stock'), { recursive: true });
  for (const name of ['mime.types', 'fastcgi_params', 'fastcgi.conf', 'scgi_params', 'uwsgi_params', 'proxy_params']) {
    const to = join(dir, 'stock', name);
    const from = stockDir && join(stockDir, name);
    if (from && existsSync(from)) copyFileSync(from, to);
    else writeFileSync(to, name === 'mime.types' ? 'types {\n    text/html html;\n}\n' : '');
    stock.set(name, to);
  }
  return { dir, stock };
}

/** Which generated file stands in for the path a directive names. */
const FILE_ARGS: Record<string, string> = {
  ssl_certificate: 'server.crt',
  ssl_certificate_key: 'server.key',
  ssl_client_certificate: 'ca.crt',
  ssl_trusted_certificate: 'ca.crt',
  ssl_dhparam: 'dhparam.pem',
  ssl_crl: 'ca.crl',
  ssl_password_file: 'password.txt',
  ssl_session_ticket_key: 'ticket.key',
};
for (const p of ['proxy', 'grpc', 'uwsgi']) {
  FILE_ARGS[`${p}_ssl_certificate`] = 'server.crt';
  FILE_ARGS[`${p}_ssl_certificate_key`] = 'server.key';
  FILE_ARGS[`${p}_ssl_trusted_certificate`] = 'ca.crt';
  FILE_ARGS[`${p}_ssl_crl`] = 'ca.crl';
  FILE_ARGS[`${p}_ssl_password_file`] = 'password.txt';
}
/** Directives that only describe the machine nginx runs on; dropped so they cannot fail -t. */
const DROP = new Set(['user', 'load_module', 'lock_file', 'working_directory', 'worker_rlimit_core']);
const PATH_ARG = /^(?:client_body|proxy|fastcgi|scgi|uwsgi)_(?:temp|cache)_path$/;
const MAIN_ONLY = new Set(['events', 'http', 'stream', 'mail', 'worker_processes', 'pid', 'load_module', 'user', 'daemon', 'master_process', 'worker_rlimit_nofile', 'env']);
const HTTP_ONLY = new Set(['server', 'upstream', 'map', 'geo', 'split_clients', 'log_format', 'limit_req_zone', 'limit_conn_zone', 'proxy_cache_path', 'fastcgi_cache_path', 'types', 'server_names_hash_bucket_size', 'variables_hash_max_size']);
const LOCATION_ONLY = new Set(['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass', 'internal', 'alias', 'limit_except']);

export interface Case {
  id: string;
  dir: string;
  /** The file handed to `nginx -c` and to analyzeNginx. */
  main: string;
  /** Files written for this case (the main one first). */
  files: string[];
  /** `-g` directives nginx needs on top of the file (a pid when the config names none). */
  globals: string;
  /** Environment repairs applied after nginx complained about something not TLS. */
  repairs: string[];
  /** The main file is our wrapper around a snippet (never repaired). */
  wrapped: boolean;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const applyEdits = (text: string, edits: Edit[]): string => {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
};

/** Comments a span out while keeping every line break in place. */
export const blank = (text: string, start: number, end: number): Edit => ({ start, end, text: '#' + text.slice(start + 1, end).replace(/[^\n]/g, ' ') });

function walk(list: Directive[], f: (d: Directive) => void): void {
  for (const d of list) {
    f(d);
    if (d.block && !d.raw) walk(d.block.children, f);
  }
}

const isGlob = (p: string) => /[*?[]/.test(p);

function glob(base: string, pattern: string): string[] {
  let paths = [base];
  for (const seg of pattern.split('/').filter((s) => s && s !== '.')) {
    const next: string[] = [];
    for (const p of paths) {
      if (!isGlob(seg)) {
        if (existsSync(join(p, seg))) next.push(join(p, seg));
        continue;
      }
      const re = new RegExp('^' + seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
      let names: string[];
      try {
        names = readdirSync(p);
      } catch {
        names = [];
      }
      for (const n of names.sort()) if (re.test(n)) next.push(join(p, n));
    }
    paths = next;
  }
  return paths.filter((p) => p !== base && statSync(p).isFile());
}

/** A copy of one corpus file tree into a case directory, include by include. */
class Preparer {
  private readonly done = new Map<string, string>();
  private temp = 0;

  constructor(
    private readonly c: Case,
    private readonly fx: Fixtures,
    private readonly project: string,
    private readonly mainSource: string,
  ) {}

  /** Where the original include pattern leads inside the corpus project, nginx-style. */
  private resolve(pattern: string, from: string): string[] | undefined {
    const bases: string[] = [dirname(this.mainSource), dirname(from)];
    for (let d = dirname(this.mainSource); d.startsWith(this.project) && d !== dirname(this.project); d = dirname(d)) bases.push(d);
    const parts = pattern.split('/').filter(Boolean);
    const suffixes = isAbsolute(pattern) ? parts.map((_, i) => parts.slice(i).join('/')) : [pattern];
    for (const suffix of suffixes) {
      for (const b of [...new Set(bases)]) {
        // A bare file name found far from the includer is more likely a namesake than the file.
        if (!suffix.includes('/') && isAbsolute(pattern) && b !== dirname(from) && b !== dirname(this.mainSource)) continue;
        const hits = glob(b, suffix);
        if (hits.length) return hits;
      }
    }
    const stock = this.fx.stock.get(basename(pattern));
    return stock ? [stock] : undefined;
  }

  /** The main file is its own prepared copy, so a file that includes it closes the same cycle nginx would see. */
  markMain(source: string, target: string): void {
    this.done.set(source, target);
  }

  /** Writes the prepared copy of `source` and returns its path in the case directory. */
  file(source: string, depth = 0): string {
    const known = this.done.get(source);
    if (known) return known;
    if ([...this.fx.stock.values()].includes(source)) return source;
    const rel = relative(this.project, source);
    const target = join(this.c.dir, 'inc', rel.startsWith('..') ? basename(source) : rel);
    this.done.set(source, target);
    const text = readFileSync(source, 'utf8');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, this.transform(text, source, depth));
    this.c.files.push(target);
    return target;
  }

  transform(text: string, source: string, depth: number): string {
    const parsed = parseNginx(text, source);
    const edits: Edit[] = [];
    const fx = (v: string) => join(this.fx.dir, v.slice('@FIX@/'.length));
    walk(parsed.directives, (d) => {
      for (const a of d.args) if (a.value.startsWith('@FIX@/')) edits.push({ start: a.span.start, end: a.span.end, text: fx(a.value) });
      const a0 = d.args[0];
      if (d.name === 'include' && !d.block && a0 && d.args.length === 1) {
        const hits = depth < 12 ? this.resolve(a0.value, source) : undefined;
        if (!hits) return void edits.push(blank(text, d.nameSpan.start, d.span.end));
        const paths = hits.map((h) => this.file(h, depth + 1));
        edits.push({ start: d.nameSpan.start, end: d.span.end, text: paths.map((p) => `include ${p};`).join(' ') });
        return;
      }
      if (DROP.has(d.name) && !d.block) return void edits.push(blank(text, d.nameSpan.start, d.span.end));
      if (!a0 || a0.value.startsWith('@FIX@/')) return;
      const stand = FILE_ARGS[d.name];
      if (stand && !a0.value.includes('$') && !a0.value.startsWith('data:')) edits.push({ start: a0.span.start, end: a0.span.end, text: join(this.fx.dir, stand) });
      else if (d.name === 'error_log' && !/^(stderr|syslog:|memory:)/.test(a0.value)) edits.push({ start: a0.span.start, end: a0.span.end, text: 'stderr' });
      else if (d.name === 'access_log' && a0.value !== 'off' && !a0.value.includes('$') && !a0.value.startsWith('syslog:')) edits.push({ start: a0.span.start, end: a0.span.end, text: join(this.c.dir, 'logs', 'access.log') });
      else if (d.name === 'pid') edits.push({ start: a0.span.start, end: a0.span.end, text: join(this.c.dir, 'nginx.pid') });
      else if (PATH_ARG.test(d.name)) edits.push({ start: a0.span.start, end: a0.span.end, text: join(this.c.dir, 'tmp', `${d.name}-${this.temp++}`) });
    });
    return applyEdits(text, edits);
  }
}

type Kind = 'main' | 'http' | 'server' | 'location';

function kindOf(text: string, source: string): Kind | undefined {
  const top = parseNginx(text, source).directives.map((d) => d.name);
  if (!top.length) return undefined;
  if (top.some((n) => MAIN_ONLY.has(n))) return 'main';
  if (top.some((n) => HTTP_ONLY.has(n))) return 'http';
  if (top.includes('location') || top.includes('listen') || top.includes('server_name')) return 'server';
  if (top.some((n) => LOCATION_ONLY.has(n))) return 'location';
  return 'server';
}

const WRAP: Record<Exclude<Kind, 'main'>, (inc: string) => string> = {
  http: (inc) => `events {}\nhttp {\n    include ${inc};\n}\n`,
  server: (inc) => `events {}\nhttp {\n    server {\n        include ${inc};\n    }\n}\n`,
  location: (inc) => `events {}\nhttp {\n    server {\n        location / {\n            include ${inc};\n        }\n    }\n}\n`,
};

/** Prepares one corpus file as a case; undefined when it holds no nginx directives. */
export function prepareCase(id: string, source: string, project: string, dir: string, fx: Fixtures): Case | undefined {
  const text = readFileSync(source, 'utf8');
  if (text.includes('\0')) return undefined;
  const kind = kindOf(text, source);
  if (!kind) return undefined;
  mkdirSync(join(dir, 'logs'), { recursive: true });
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  const c: Case = { id, dir, main: join(dir, 'nginx.conf'), files: [], globals: '', repairs: [], wrapped: kind !== 'main' };
  const p = new Preparer(c, fx, project, source);
  if (kind === 'main') {
    p.markMain(source, c.main);
    let main = p.transform(text, source, 0);
    const top = parseNginx(main, c.main).directives.map((d) => d.name);
    if (!top.includes('events')) main += `${main.endsWith('\n') ? '' : '\n'}events {}\n`;
    if (!top.includes('pid')) c.globals = `pid ${join(dir, 'nginx.pid')};`;
    writeFileSync(c.main, main);
    c.files.unshift(c.main);
  } else {
    const inc = p.file(source);
    writeFileSync(c.main, WRAP[kind](inc));
    c.files.unshift(c.main);
    c.globals = `pid ${join(dir, 'nginx.pid')};`;
  }
  return c;
}

/** A copy of a case under another directory (same-length name), with one file's text replaced. */
export function cloneCase(base: Case, id: string, dir: string, change?: { file: string; text: string }): Case {
  const move = (s: string) => s.split(base.dir).join(dir);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  const files = base.files.map(move);
  base.files.forEach((f, i) => {
    mkdirSync(dirname(files[i]), { recursive: true });
    writeFileSync(files[i], move(change && change.file === f ? change.text : readFileSync(f, 'utf8')));
  });
  return { id, dir, main: move(base.main), files, globals: move(base.globals), repairs: [], wrapped: base.wrapped };
}

export interface Verdict {
  ok: boolean;
  /** The first [emerg]/[alert]/[crit] message, without the "in FILE:LINE" tail. */
  message?: string;
  file?: string;
  line?: number;
  output: string;
}

export function nginxT(c: Case): Promise<Verdict> {
  const args = ['-t', '-q', '-p', c.dir + '/', '-c', c.main, '-e', 'stderr', ...(c.globals ? ['-g', c.globals] : [])];
  return new Promise((resolve) => {
    execFile('nginx', args, { encoding: 'utf8', timeout: 20000 }, (err, stdout, stderr) => {
      const output = stdout + stderr;
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('nginx must be installed (scripts/ensure-oracles.sh installs nginx-light)');
      if (!err) return resolve({ ok: true, output });
      const m = /\[(?:emerg|alert|crit)\] (?:\d+#\d+: )?(.*)$/m.exec(output);
      const msg = m?.[1] ?? output.trim().split('\n')[0] ?? '';
      const at = / in (\/\S+):(\d+)$/.exec(msg);
      resolve({ ok: false, message: at ? msg.slice(0, at.index) : msg, file: at?.[1], line: at ? Number(at[2]) : undefined, output });
    });
  });
}

/** Runs `f` over `items` with at most `n` in flight. */
export async function pool<T, R>(items: T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]);
      }
    }),
  );
  return out;
}

/** 1-based line (nginx counts "\n" only) of an offset. */
export const lineOf = (text: string, offset: number): number => {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

export interface Located {
  directive: Directive;
  /** From the name to the ";" or "{": the part nginx's line number can point into. */
  head: { start: number; end: number };
}

/** Every directive whose head covers nginx's line in `file`, outermost first (one line may hold several). */
export function directivesAtLine(file: string, line: number): Located[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const found: Located[] = [];
  walk(parseNginx(text, file).directives, (d) => {
    const head = { start: d.nameSpan.start, end: d.block ? d.block.open + 1 : d.span.end };
    if (lineOf(text, head.start) <= line && line <= lineOf(text, Math.max(head.start, head.end - 1))) found.push({ directive: d, head });
  });
  return found;
}

/** The innermost directive whose head covers nginx's line in `file`. */
export const directiveAtLine = (file: string, line: number): Located | undefined => directivesAtLine(file, line).pop();

const TLS_NAME = /^(?:ssl|ssl_\w+|(?:proxy|grpc|uwsgi|zone_sync)_ssl(?:_\w+)?)$/;
/** Third-party modules this nginx lacks (Lua, njs), whatever their directives are called. */
const FOREIGN = /_by_lua|^lua_|^js_|^perl/;
// Any `listen`: `ssl` belongs to the socket, so a plain `listen` on a socket another server made TLS is at fault too.
export const isTlsDirective = (d: Directive): boolean => TLS_NAME.test(d.name) || d.name === 'listen';
const NOT_TLS = /^(?:host not found|getpwnam|getgrnam|unknown "[^"]*" variable|no "events" section)/;
const TLS_MESSAGE = /\bssl\b|ssl_|SSL|\bTLS|certificate|cipher|ecdh|curve|stapling|dhparam|OCSP|PEM|X509|PKCS|session cache|BIO_new_file/;

/** Whether nginx refused the config for a TLS reason: by its message or the directive it names. */
export function isTlsFailure(v: Verdict): boolean {
  if (v.ok || !v.message) return false;
  const unknown = /^unknown directive "([^"]*)"/.exec(v.message);
  if (unknown) return TLS_NAME.test(unknown[1]) && !FOREIGN.test(unknown[1]);
  if (NOT_TLS.test(v.message)) return false;
  if (TLS_MESSAGE.test(v.message)) return true;
  const at = v.file && v.line ? directiveAtLine(v.file, v.line) : undefined;
  return !!at && TLS_NAME.test(at.directive.name);
}

/**
 * Removes the non-TLS obstacle nginx named (an unknown third-party directive, an upstream host
 * this machine cannot resolve, a variable from a module it lacks, a file only the original server
 * has) so that nginx goes on to judge the rest. Returns false when there is nothing to repair.
 */
export function repair(c: Case, v: Verdict): boolean {
  if (v.ok || isTlsFailure(v)) return false;
  const own = c.files.filter((f) => !(c.wrapped && f === c.main));
  const variable = /^unknown "(\w+)" variable/.exec(v.message ?? '')?.[1];
  if (variable) {
    const uses = new RegExp(`\\$\\{?${variable}\\b`);
    let changed = false;
    for (const f of own) {
      const text = readFileSync(f, 'utf8');
      const edits: Edit[] = [];
      walk(parseNginx(text, f).directives, (d) => {
        if (!d.block && d.args.some((a) => uses.test(a.value))) edits.push(blank(text, d.nameSpan.start, d.span.end));
      });
      if (edits.length) {
        writeFileSync(f, applyEdits(text, edits));
        changed = true;
      }
    }
    if (changed) c.repairs.push(v.message ?? '');
    return changed;
  }
  if (!v.file || !v.line || !own.includes(v.file)) return false;
  const at = directiveAtLine(v.file, v.line);
  if (!at) return false;
  const text = readFileSync(v.file, 'utf8');
  const host = /^host not found in upstream "([^":/]+)/.exec(v.message ?? '')?.[1];
  let next: string;
  if (host) {
    const edits = at.directive.args.filter((a) => a.value.includes(host)).map((a) => ({ start: a.span.start, end: a.span.end, text: text.slice(a.span.start, a.span.end).split(host).join('127.0.0.1') }));
    if (!edits.length) return false;
    next = applyEdits(text, edits);
  } else {
    next = applyEdits(text, [blank(text, at.directive.nameSpan.start, at.directive.span.end)]);
  }
  if (next === text) return false;
  writeFileSync(v.file, next);
  c.repairs.push(`${relative(c.dir, v.file)}:${v.line} ${v.message}`);
  return true;
}
