/**
 * Certificate hovers for every open document, whatever its language: embedded objects (decoded
 * once per document version) and certificate file paths. Documents with no PEM or base64
 * certificate cost one substring search and one regular expression.
 */
import type { FileHost } from '../core/host';
import type { Settings } from '../core/settings';
import type { CertificatesForKey } from '../pki/match';
import { findEmbeddedObjects, type EmbeddedObject } from '../pem/embedded';
import { embeddedHover, HOVER_WINDOW, objectsNear, oversizedValueHover, type HoverResult } from '../pem/hover';
import { certificatePathHover, pathAt } from '../pem/paths';

export interface CertificateHoverInputs {
  uri: string;
  version: number;
  text: string;
  path: string;
  offset: number;
  settings: Settings;
  host: () => FileHost;
  /** Paths are hovered here except in nginx files, whose directives resolve them the nginx way. */
  paths: boolean;
  /** Certificates in other workspace files, for keys (the document itself left out). */
  certificatesForKey?: CertificatesForKey;
}

export class CertificateHovers {
  private readonly cache = new Map<string, { version: number; objects: EmbeddedObject[] }>();

  hover(i: CertificateHoverInputs): HoverResult | undefined {
    const ctx = { now: new Date(), settings: i.settings, ...(i.certificatesForKey ? { certificatesForKey: i.certificatesForKey } : {}) };
    const h = embeddedHover(i.text, i.offset, ctx, this.objects(i)) ?? oversizedValueHover(i.text, i.offset);
    if (h || !i.paths || !pathAt(i.text, i.offset)) return h;
    return certificatePathHover(i.text, i.offset, { ...ctx, host: i.host(), file: i.path, mappings: i.settings.nginx.pathMappings });
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private objects(i: CertificateHoverInputs): EmbeddedObject[] {
    if (i.text.length > 2 * HOVER_WINDOW) return objectsNear(i.text, i.offset);
    const hit = this.cache.get(i.uri);
    if (hit && hit.version === i.version) return hit.objects;
    const objects = findEmbeddedObjects(i.text);
    this.cache.set(i.uri, { version: i.version, objects });
    return objects;
  }
}
