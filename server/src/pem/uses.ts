/**
 * Which certificate files the workspace's configs present as a server or as a client: nginx
 * `ssl_certificate` (server) and `proxy_/grpc_/uwsgi_ssl_certificate` (client to an upstream),
 * Istio Gateway `serverCertificate` and DestinationRule `clientCertificate`. What the
 * usage-dependent certificate rules rely on; a file no config names has no use, and is not guessed.
 */
import type { FileHost } from '../core/host';
import type { Settings } from '../core/settings';
import { walkWorkspaceFiles } from '../core/workspaceFiles';
import { parseAndExpand } from '../nginx/analyze';
import { resolveConfigPath } from '../nginx/files';
import { fileDirectives } from '../nginx/tlsFiles';
import { isMainConfigText, isNginxConfigName } from '../nginx/workspace';
import type { CertificateUse } from './rule';

export interface UseIndex {
  usesOf(file: string): CertificateUse[];
}

export const NO_USES: UseIndex = { usesOf: () => [] };

const ISTIO = /apiVersion:\s*networking\.istio\.io\//;
const ISTIO_FIELD = /^[ \t-]*(serverCertificate|clientCertificate):[ \t]*["']?([^"'\s#]+)/gm;

const NGINX_ROLES: Record<string, CertificateUse['role']> = {
  ssl_certificate: 'server',
  proxy_ssl_certificate: 'client',
  grpc_ssl_certificate: 'client',
  uwsgi_ssl_certificate: 'client',
};

export function buildUseIndex(host: FileHost, settings: Settings): UseIndex {
  const uses = new Map<string, CertificateUse[]>();
  const add = (file: string, use: CertificateUse): void => {
    const list = uses.get(file) ?? [];
    if (!list.some((u) => u.role === use.role && u.by === use.by)) list.push(use);
    uses.set(file, list);
  };
  const nginx: string[] = [];
  const istio: string[] = [];
  walkWorkspaceFiles(host, (p, name) => {
    if (isNginxConfigName(name)) {
      if (isMainConfigText(host.readFile(p) ?? '')) nginx.push(p);
    } else if (/\.ya?ml$/.test(name) && ISTIO.test(host.readFile(p) ?? '')) {
      istio.push(p);
    }
  });
  for (const main of nginx) {
    const text = host.readFile(main);
    if (text === undefined) continue;
    const { config } = parseAndExpand(main, text, host);
    for (const { directive, value } of fileDirectives(config)) {
      const role = NGINX_ROLES[directive.name];
      if (!role) continue;
      const r = resolveConfigPath(value, { host, settings, mainFile: main, fromFile: directive.file });
      if (r.kind === 'file') add(r.path, { role, by: `${directive.file}: ${directive.name}` });
    }
  }
  for (const file of istio) {
    const text = host.readFile(file) ?? '';
    for (const m of text.matchAll(ISTIO_FIELD)) {
      const r = resolveConfigPath(m[2], { host, settings, mainFile: file, fromFile: file });
      if (r.kind === 'file') add(r.path, { role: m[1] === 'serverCertificate' ? 'server' : 'client', by: `${file}: ${m[1]}` });
    }
  }
  return { usesOf: (file) => uses.get(file) ?? [] };
}
