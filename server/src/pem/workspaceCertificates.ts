/**
 * Certificates anywhere in the workspace, by public key: what lets a hover on a private key say
 * which certificate it belongs to when that certificate lives in another file (`certs/api.pem`
 * next to `private/api.key`). Only certificates are indexed — keys are looked up, never stored.
 * The walk is bounded like the include index, so a huge workspace costs a fixed amount; the
 * adapters rebuild the index when files change on disk.
 */
import type { FileHost } from '../core/host';
import { relativePath } from '../core/paths';
import { walkWorkspaceFiles } from '../core/workspaceFiles';
import { certificatesOf, decodePkiBytesCached } from '../pki/file';
import type { InspectedKey } from '../pki/keys';
import { certificatePublicHalf, publicKeyId, type CertificateElsewhere } from '../pki/match';

/** Files that hold certificates by name; PEM blocks in other files are not indexed. */
const CERT_FILE = /\.(?:pem|crt|cer|der|cert)$/i;
const MAX_FILES = 500;
/** Certificate files and CA bundles are kilobytes; a larger file is something else. */
const MAX_FILE_BYTES = 256 * 1024;
/** About 1,500 certificates: a rebuild stays well under a second. */
const MAX_TOTAL_BYTES = 2 * 1024 * 1024;
/** Matches listed per key: a key in several files (renewals, copies) is named by the first few. */
const MAX_MATCHES = 3;

export interface WorkspaceCertificates {
  /** Certificates whose public key is `key`'s, in files other than `exceptFile`, in path order. */
  forKey(key: InspectedKey, exceptFile?: string): CertificateElsewhere[];
  /** Certificate files read (within the limits). */
  readonly files: number;
}

export const NO_WORKSPACE_CERTIFICATES: WorkspaceCertificates = { forKey: () => [], files: 0 };

export function buildWorkspaceCertificates(host: FileHost): WorkspaceCertificates {
  const byKey = new Map<string, CertificateElsewhere[]>();
  let files = 0;
  let budget = MAX_TOTAL_BYTES;
  walkWorkspaceFiles(host, (path, name) => {
    if (files >= MAX_FILES || budget <= 0 || !CERT_FILE.test(name)) return;
    const bytes = host.readBytes(path);
    if (!bytes || bytes.length > MAX_FILE_BYTES) return;
    files++;
    budget -= bytes.length;
    const display = displayPath(host.roots, path);
    for (const cert of certificatesOf(decodePkiBytesCached(bytes))) {
      let half;
      try {
        half = certificatePublicHalf(cert);
      } catch {
        continue;
      }
      if ('cannot' in half) continue;
      const id = publicKeyId(half);
      const list = byKey.get(id) ?? [];
      if (!list.some((c) => c.file === path)) list.push({ subject: cert.description.subject, file: path, display });
      byKey.set(id, list);
    }
  });
  return {
    files,
    forKey(key, exceptFile) {
      const half = key.publicHalf;
      if ('cannot' in half) return [];
      return (byKey.get(publicKeyId(half)) ?? []).filter((c) => c.file !== exceptFile).slice(0, MAX_MATCHES);
    },
  };
}

/** The path relative to the workspace folder holding it (the deepest, for nested folders). */
function displayPath(roots: readonly string[], path: string): string {
  const root = roots.filter((r) => path.startsWith(r.endsWith('/') ? r : `${r}/`)).sort((a, b) => b.length - a.length)[0];
  return root ? relativePath(root, path) : path;
}
