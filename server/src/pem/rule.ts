import type { FileHost } from '../core/host';
import type { Rule } from '../core/rule';
import type { Settings } from '../core/settings';
import type { EmbeddedObject } from './embedded';

/**
 * How a configuration uses a certificate file: `server` (nginx `ssl_certificate`, Istio Gateway
 * `serverCertificate`) or `client` (nginx `proxy_ssl_certificate`, Istio DestinationRule
 * `clientCertificate`). Only what a config in the workspace says; never guessed from the certificate.
 */
export interface CertificateUse {
  role: 'server' | 'client';
  /** Where, for messages: `/ws/nginx.conf: proxy_ssl_certificate`. */
  by: string;
}

/** What every certificate rule sees: one document and the objects written in it. */
export interface PemContext {
  path: string;
  text: string;
  /** Every object in the document, in order (findEmbeddedObjects; decoded or with an error). */
  objects: EmbeddedObject[];
  /** True for a PEM file (language `pem`): the whole file is one bundle, as OpenSSL reads it. */
  standalone: boolean;
  /** The document's certificates as configs in the workspace use them (leaf = first certificate). */
  uses: CertificateUse[];
  host: FileHost;
  settings: Settings;
  /** The clock, passed in so expiry checks are deterministic in tests. */
  now: Date;
}

export type PemRule = Rule<PemContext>;
