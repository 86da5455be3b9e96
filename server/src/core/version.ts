/** Dotted release numbers as nginx and OpenSSL print them (`1.25.1`, `3.0.13`, `1.1.1w`). */
export function isVersion(v: string): boolean {
  return /^\d+(\.\d+){0,3}[a-z]?$/i.test(v.trim());
}

/** Negative, zero or positive as `a` is older than, the same as, or newer than `b`. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** `version` is `min` or newer. */
export function atLeast(version: string, min: string): boolean {
  return compareVersions(version, min) >= 0;
}

// A trailing letter (OpenSSL 1.1.1w) counts as a fourth part: a = 1.
function parts(v: string): number[] {
  const m = /^(\d+(?:\.\d+)*)([a-z]?)/i.exec(v.trim());
  if (!m) return [];
  const nums = m[1].split('.').map(Number);
  if (m[2]) nums.push(m[2].toLowerCase().charCodeAt(0) - 96);
  return nums;
}
