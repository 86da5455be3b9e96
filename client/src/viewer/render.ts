/**
 * The certificate viewer's page: static HTML and SVG from a `ViewModel`, no remote resources.
 * Every string that came from a file is escaped; the only script is a fixed, nonce'd one that
 * reports what was rendered and forwards the password button.
 */
import type { ViewChain, ViewField, ViewLink, ViewModel, ViewObject, ValidityState } from '../../../server/src/pki/view';

export interface RenderOptions {
  /** A fresh random value per render, for the Content-Security-Policy. */
  nonce: string;
}

const DAY = 86_400_000;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'`;
}

export function renderViewerHtml(model: ViewModel, opts: RenderOptions): string {
  const nonce = escapeHtml(opts.nonce);
  const body = [header(model), locked(model), problems(model), chainSection(model), timelineSection(model), details(model)].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(opts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.file)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
${body}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

function header(m: ViewModel): string {
  const count = `${m.objects.length} object${m.objects.length === 1 ? '' : 's'}`;
  const format = { pem: 'PEM', der: 'DER', pkcs12: 'PKCS#12', none: 'unrecognised' }[m.format] ?? m.format;
  return `<header><h1>${escapeHtml(m.file)}</h1><p class="meta">${escapeHtml(format)} · ${count} · today ${escapeHtml(m.now.slice(0, 10))}</p></header>`;
}

function locked(m: ViewModel): string {
  if (!m.locked) return '';
  const why = m.locked === 'wrong-password' ? 'The password was wrong.' : 'This PKCS#12 file is protected by a password.';
  return `<section class="locked" id="locked"><h2>Locked</h2><p>${why}</p><button type="button" data-action="password">Enter password…</button></section>`;
}

function problems(m: ViewModel): string {
  if (!m.errors.length && !m.notes.length) return '';
  const items = [...m.errors.map((e) => `<li class="bad">${escapeHtml(e)}</li>`), ...m.notes.map((n) => `<li class="warn">${escapeHtml(n)}</li>`)];
  return `<section id="problems"><h2>Problems</h2><ul>${items.join('')}</ul></section>`;
}

const ROLE_NAMES = { leaf: 'Leaf', intermediate: 'Intermediate CA', root: 'Root CA' } as const;

const SIGNATURE_TEXT: Record<ViewLink['signature'], string> = {
  valid: 'signature verified',
  invalid: 'signature does NOT verify',
  unchecked: 'signature not checked here (only RSA PKCS#1 signatures are verified)',
};

function chainSection(m: ViewModel): string {
  if (!m.chains.length) return '';
  const chains = m.chains.map((c) => chainPicture(m, c)).join('\n');
  return `<section id="chain"><h2>Chain</h2><p class="hint">From the leaf up: each arrow points to the certificate that issued the one before it.</p>${chains}</section>`;
}

function chainPicture(m: ViewModel, chain: ViewChain): string {
  const parts: string[] = [];
  chain.path.forEach((id, i) => {
    const o = m.objects[id];
    if (!o) return;
    parts.push(certificateBox(o));
    const parent = chain.path[i + 1];
    if (parent !== undefined) {
      const link = m.links.find((l) => l.child === id && l.parent === parent);
      parts.push(arrow(`#${id + 1} issued by #${parent + 1}`, link?.signature ?? 'unchecked'));
      return;
    }
    const self = m.links.find((l) => l.child === id && l.parent === id);
    if (self) parts.push(`<li class="end sig-${self.signature}">self-signed · ${escapeHtml(SIGNATURE_TEXT[self.signature])}</li>`);
    else if (chain.issuerOutside) {
      parts.push(arrow(`#${id + 1} issued by`, 'unchecked', true));
      parts.push(`<li class="box outside"><span class="role">Not in this file</span><strong>${escapeHtml(shortName(chain.issuerOutside))}</strong><span class="dn">${escapeHtml(chain.issuerOutside)}</span></li>`);
    }
  });
  return `<ol class="chain">${parts.join('')}</ol>`;
}

function arrow(text: string, signature: ViewLink['signature'], outside = false): string {
  const what = outside ? 'signature cannot be checked without the issuer' : SIGNATURE_TEXT[signature];
  return `<li class="link sig-${outside ? 'unchecked' : signature}"><span class="arrow" aria-hidden="true">→</span><span>${escapeHtml(text)}</span><span class="sig">${escapeHtml(what)}</span></li>`;
}

function certificateBox(o: ViewObject): string {
  const state = o.validity ? `<span class="state ${o.validity.state}">${escapeHtml(o.validity.summary)}</span>` : '';
  return `<li class="box role-${o.role ?? 'other'}"><span class="role">#${o.id + 1} ${escapeHtml(o.role ? ROLE_NAMES[o.role] : o.kind)}</span><strong><a href="#obj-${o.id}">${escapeHtml(o.label)}</a></strong><span class="dn">${escapeHtml(o.title)}</span>${state}</li>`;
}

function shortName(dn: string): string {
  const m = /(?:^|,)CN=((?:\\.|[^,\\+])*)/.exec(dn);
  return m ? m[1].replace(/\\(.)/g, '$1') : dn;
}

const STATE_TEXT: Record<ValidityState, string> = { valid: 'valid', 'expiring-soon': 'expiring soon', expired: 'expired', 'not-yet-valid': 'not yet valid' };

/** Every validity window on one date axis, with today marked. */
export function timelineSection(m: ViewModel): string {
  const rows = m.objects.filter((o) => o.validity);
  if (!rows.length) return '';
  const now = Date.parse(m.now);
  const starts = rows.map((o) => Date.parse(o.validity!.from));
  const ends = rows.map((o) => (o.validity!.to ? Date.parse(o.validity!.to) : Date.parse(o.validity!.from)));
  const lo0 = Math.min(now, ...starts);
  const hi0 = Math.max(now, ...ends);
  const pad = Math.max((hi0 - lo0) * 0.03, DAY);
  const lo = lo0 - pad;
  const hi = hi0 + pad;
  const LABEL = 300;
  const WIDTH = 1000;
  const ROW = 30;
  const TOP = 24;
  const x = (t: number): number => Math.round((LABEL + ((t - lo) / (hi - lo)) * (WIDTH - LABEL - 10)) * 10) / 10;
  const height = TOP + rows.length * ROW + 10;
  const bars = rows
    .map((o, i) => {
      const v = o.validity!;
      const y = TOP + i * ROW;
      const from = Date.parse(v.from);
      const to = v.to ? Date.parse(v.to) : from;
      const title = `${o.label}: ${v.from} → ${v.to ?? 'open'} (${v.summary})`;
      return `<g class="row ${v.state}"><title>${escapeHtml(title)}</title><text class="label" x="${LABEL - 8}" y="${y + 18}" text-anchor="end">#${o.id + 1} ${escapeHtml(clip(o.label, 34))}</text><rect class="bar" x="${x(from)}" y="${y + 6}" width="${Math.max(x(to) - x(from), 2)}" height="16" rx="3"></rect></g>`;
    })
    .join('');
  const axis = [lo0, hi0].map((t, i) => `<text class="tick" x="${x(t)}" y="14" text-anchor="${i ? 'end' : 'start'}">${new Date(t).toISOString().slice(0, 10)}</text>`).join('');
  const today = `<line class="today" x1="${x(now)}" x2="${x(now)}" y1="18" y2="${height}"></line><text class="today-label" x="${x(now)}" y="${height - 1}" text-anchor="middle">today</text>`;
  const svg = `<svg class="timeline" viewBox="0 0 ${WIDTH} ${height + 12}" role="img" aria-label="Validity windows with today marked">${axis}${bars}${today}</svg>`;
  const list = rows
    .map((o) => {
      const v = o.validity!;
      return `<li class="${v.state}"><strong>#${o.id + 1} ${escapeHtml(o.label)}</strong>: ${escapeHtml(v.from)} → ${escapeHtml(v.to ?? 'no end given')} — <span class="state ${v.state}">${escapeHtml(STATE_TEXT[v.state])}</span> (${escapeHtml(v.summary)})</li>`;
    })
    .join('');
  return `<section id="validity"><h2>Validity</h2>${svg}<ul class="validity-list">${list}</ul></section>`;
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function details(m: ViewModel): string {
  if (!m.objects.length) return '';
  return `<section id="details"><h2>Details</h2>${m.objects.map(objectDetails).join('\n')}</section>`;
}

function objectDetails(o: ViewObject): string {
  const heading = o.kind === 'certificate' ? `Certificate: ${o.label}` : o.title;
  const rows = o.fields.map(fieldRow).join('');
  return `<article id="obj-${o.id}" class="object kind-${escapeHtml(o.kind.replace(/[^a-z0-9-]/gi, ''))}"><h3>#${o.id + 1} ${escapeHtml(heading)}</h3><p class="source">${escapeHtml(o.source)}</p><dl>${rows}</dl></article>`;
}

function fieldRow(f: ViewField): string {
  const cls = [f.mono ? 'mono' : '', f.tone ?? ''].filter(Boolean).join(' ');
  const values = f.values.length ? f.values.map((v) => `<div>${escapeHtml(v)}</div>`).join('') : '<div>—</div>';
  return `<dt>${escapeHtml(f.name)}</dt><dd${cls ? ` class="${cls}"` : ''}>${values}</dd>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground, #333); background: var(--vscode-editor-background, #fff); padding: 0 20px 40px; max-width: 1100px; }
h1 { font-size: 1.5em; margin: 16px 0 2px; word-break: break-all; }
h2 { font-size: 1.15em; margin: 24px 0 8px; border-bottom: 1px solid var(--vscode-panel-border, #8884); padding-bottom: 4px; }
h3 { font-size: 1.05em; margin: 18px 0 2px; word-break: break-all; }
.meta, .source, .hint { color: var(--vscode-descriptionForeground, #777); margin: 2px 0 8px; }
.mono { font-family: var(--vscode-editor-font-family, monospace); word-break: break-all; }
.bad { color: var(--vscode-errorForeground, #c00); }
.warn { color: var(--vscode-editorWarning-foreground, #b80); }
.good { color: var(--vscode-testing-iconPassed, #080); }
dl { display: grid; grid-template-columns: minmax(160px, max-content) 1fr; gap: 4px 16px; margin: 8px 0; }
dt { font-weight: 600; }
dd { margin: 0; }
ol.chain { list-style: none; padding: 0; display: flex; flex-wrap: wrap; align-items: stretch; gap: 6px; margin: 10px 0 16px; }
ol.chain .box { border: 2px solid var(--vscode-focusBorder, #07f); border-radius: 6px; padding: 8px 10px; min-width: 180px; max-width: 300px; display: flex; flex-direction: column; gap: 3px; }
ol.chain .box.role-root { border-color: var(--vscode-charts-purple, #85c); }
ol.chain .box.role-leaf { border-color: var(--vscode-charts-green, #3a3); }
ol.chain .box.outside { border-style: dashed; opacity: 0.8; }
ol.chain .role { font-size: 0.85em; text-transform: uppercase; color: var(--vscode-descriptionForeground, #777); }
ol.chain .dn { font-size: 0.85em; font-family: var(--vscode-editor-font-family, monospace); word-break: break-all; }
ol.chain .link, ol.chain .end { display: flex; flex-direction: column; justify-content: center; align-items: center; max-width: 170px; text-align: center; font-size: 0.85em; }
ol.chain .arrow { font-size: 1.8em; line-height: 1; }
.sig-valid .sig, .end.sig-valid { color: var(--vscode-testing-iconPassed, #080); }
.sig-invalid .sig, .end.sig-invalid { color: var(--vscode-errorForeground, #c00); font-weight: 600; }
.sig-unchecked .sig, .end.sig-unchecked { color: var(--vscode-descriptionForeground, #777); }
.state.valid { color: var(--vscode-testing-iconPassed, #080); }
.state.expiring-soon { color: var(--vscode-editorWarning-foreground, #b80); font-weight: 600; }
.state.expired, .state.not-yet-valid { color: var(--vscode-errorForeground, #c00); font-weight: 600; }
svg.timeline { width: 100%; height: auto; margin: 6px 0; }
svg.timeline text { fill: var(--vscode-foreground, #333); font-size: 13px; font-family: var(--vscode-font-family, sans-serif); }
svg.timeline .tick { fill: var(--vscode-descriptionForeground, #777); font-size: 12px; }
svg.timeline .row.valid .bar { fill: var(--vscode-charts-green, #3a3); }
svg.timeline .row.expiring-soon .bar { fill: var(--vscode-charts-yellow, #db3); }
svg.timeline .row.expired .bar, svg.timeline .row.not-yet-valid .bar { fill: var(--vscode-charts-red, #d33); }
svg.timeline .today { stroke: var(--vscode-charts-blue, #37f); stroke-width: 2; stroke-dasharray: 4 3; }
svg.timeline .today-label { fill: var(--vscode-charts-blue, #37f); font-weight: 600; }
.validity-list { padding-left: 18px; }
.locked button { font: inherit; color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, #07f); border: none; padding: 6px 12px; border-radius: 2px; cursor: pointer; }
a { color: var(--vscode-textLink-foreground, #07f); text-decoration: none; }
`;

// Fixed code: nothing from the file is interpolated into it.
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  for (const b of document.querySelectorAll('[data-action="password"]')) b.addEventListener('click', () => vscode.postMessage({ type: 'password' }));
  vscode.postMessage({
    type: 'rendered',
    headings: Array.from(document.querySelectorAll('h1, h2, h3'), (h) => h.textContent || ''),
    text: (document.body.innerText || '').slice(0, 50000),
  });
})();
`;
