/**
 * `tlsnet/describeFile`: the certificate viewer's data for one file, decoded by the same PKI core
 * as hovers and rules. The request may carry a PKCS#12 password; it is used for that one decode
 * and never logged, stored or returned.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { FileHost } from '../core/host';
import type { Settings } from '../core/settings';
import type { CertificatesForKey } from '../pki/match';
import { buildViewModel, type ViewModel } from '../pki/view';

export const DESCRIBE_FILE = 'tlsnet/describeFile';

export interface DescribeFileParams {
  uri: string;
  /** The file's bytes, base64, for documents the server cannot read from disk (virtual file systems). */
  content?: string;
  /** PKCS#12 only. */
  password?: string;
}

export interface ViewerDeps {
  /** The file system as the server sees it (confined to the workspace in Restricted Mode). */
  host: () => FileHost;
  settings: (uri: string) => Promise<Settings>;
  log: (message: string) => void;
  /** Certificates in the workspace's files, for the key section. */
  certificatesForKey: CertificatesForKey;
}

export function registerViewer(connection: Connection, deps: ViewerDeps): void {
  connection.onRequest(DESCRIBE_FILE, async (params: DescribeFileParams, token): Promise<ViewModel | ResponseError<never>> => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const name = basename(decodeURIComponent(uri.replace(/[?#].*$/, '')));
    const model = (error: string): ViewModel => ({ version: 1, file: name, format: 'none', now: new Date().toISOString(), objects: [], links: [], chains: [], notes: [], errors: [error] });
    try {
      let bytes: Uint8Array | undefined;
      const path = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
      if (typeof params.content === 'string') bytes = new Uint8Array(Buffer.from(params.content, 'base64'));
      else if (path !== undefined) bytes = deps.host().readBytes(path);
      else return model('only files on disk can be read by the language server');
      if (!bytes) return model('the file cannot be read: it is missing, outside the workspace in Restricted Mode, or larger than the 4 MB limit');
      const settings = await deps.settings(uri);
      if (token.isCancellationRequested) return new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'cancelled');
      const password = typeof params.password === 'string' ? params.password : undefined;
      const certificatesForKey: CertificatesForKey = (key) => deps.certificatesForKey(key, path);
      return buildViewModel(name, bytes, { now: new Date(), expiryWarningDays: settings.certificates.expiryWarningDays, certificatesForKey, ...(password !== undefined ? { password } : {}) });
    } catch (e) {
      // The message and stack come from the decoder, which never sees where the password came from.
      deps.log(`${DESCRIBE_FILE} failed for ${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return model('the file could not be decoded (see the tlsnet output for details)');
    }
  });
}
