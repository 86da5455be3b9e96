import type { Language } from './rule';

/**
 * How a file's language is recognised, the same in the CLI as in the editor (package.json
 * `contributes.languages` holds the same patterns; a unit test keeps the two in step).
 */
export interface LanguagePatterns {
  filenames?: string[];
  extensions?: string[];
  /** Globs over the path, `**` for any directories, `*` within one segment. */
  filenamePatterns?: string[];
  /** A regular expression the first line may match. */
  firstLine?: string;
}

export const EDITOR_LANGUAGES: Record<'nginx' | 'dhcpd' | 'cisco-ios' | 'dnsmasq' | 'mikrotik' | 'pem', LanguagePatterns> = {
  nginx: {
    filenames: ['nginx.conf'],
    extensions: ['.nginx'],
    filenamePatterns: ['**/nginx/**/*.conf', '**/conf.d/*.conf', '**/sites-available/*', '**/sites-enabled/*', '**/nginx/*_params', '**/nginx/mime.types'],
  },
  dhcpd: { filenames: ['dhcpd.conf', 'dhcpd6.conf'] },
  'cisco-ios': {
    extensions: ['.ios'],
    firstLine: '^(?:!|version \\d+\\.\\d+|Building configuration\\.\\.\\.|Current configuration : \\d+ bytes|ip dhcp (?:pool|excluded-address) )',
  },
  dnsmasq: { filenames: ['dnsmasq.conf'], filenamePatterns: ['**/dnsmasq.d/*'] },
  mikrotik: { extensions: ['.rsc'] },
  pem: { extensions: ['.pem', '.crt', '.cer', '.csr', '.crl', '.key'] },
};

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const COMPILED = Object.entries(EDITOR_LANGUAGES).map(([id, p]) => ({
  id: id as Language,
  p,
  patterns: (p.filenamePatterns ?? []).map(globToRegExp),
  firstLine: p.firstLine ? new RegExp(p.firstLine) : undefined,
}));

/**
 * The language of a file, by the editor's rules, then by content for what the editor serves
 * inside YAML/JSON (Istio, Kea), for IOS configs that hold DHCP pools and for RouterOS exports
 * saved under another name.
 */
export function detectLanguage(path: string, text: string): Language | undefined {
  const p = path.replace(/\\/g, '/');
  const name = p.slice(p.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  // Patterns outrank extensions in VS Code, names outrank both.
  for (const c of COMPILED) if (c.p.filenames?.includes(name)) return c.id;
  for (const c of COMPILED) if (c.patterns.some((re) => re.test(p) || re.test('/' + p))) return c.id;
  for (const c of COMPILED) if (c.p.extensions?.some((e) => lower.endsWith(e))) return c.id;
  const first = text.slice(0, 300).split(/\r?\n/, 1)[0];
  for (const c of COMPILED) if (c.firstLine?.test(first)) return c.id;
  return detectByContent(lower, text);
}

/** Content checks for files whose name says only "yaml", "json" or "text". */
export function detectByContent(lowerName: string, text: string): Language | undefined {
  const head = text.slice(0, 64 * 1024);
  if (/\.(ya?ml)$/.test(lowerName) && /apiVersion:\s*(security|networking)\.istio\.io\//.test(head)) return 'istio';
  if (/\.json$/.test(lowerName) && /"Dhcp4"\s*:/.test(head)) return 'kea';
  if (/^ip dhcp pool \S/m.test(head)) return 'cisco-ios';
  // `/export` starts with `# <date> by RouterOS <version>`; only one serving DHCP is ours.
  if (/^#.* by RouterOS \d/.test(head.slice(0, 200)) && /^\/ip[ /]dhcp-server\b/m.test(head)) return 'mikrotik';
  return undefined;
}
