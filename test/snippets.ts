import assert from 'node:assert/strict';

/** A VS Code snippet body with each placeholder replaced by its default (a choice by its first option). */
export function expandSnippet(body: string): string {
  let text = body.replace(/\$\{\d+\|((?:[^,|\\]|\\.)*)(?:,(?:[^|\\]|\\.)*)?\|\}/g, '$1');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\$\{\d+:((?:[^${}\\]|\\.)*)\}/g, '$1'); // innermost placeholders first
  }
  text = text.replace(/\$\{\d+\}|\$\d+/g, '');
  assert.doesNotMatch(text, /(?<!\\)\$/, `unexpanded snippet syntax in: ${text}`);
  return text.replace(/\\([$}\\,|])/g, '$1');
}
