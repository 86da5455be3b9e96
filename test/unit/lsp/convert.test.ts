import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../../server/src/core/text';
import { forSnippetIndentation } from '../../../server/src/lsp/convert';

const text = 'server {\n        listen 8443 ssl;\n}\n';
const index = new LineIndex(text);

test('snippet edits: lines after an indented insertion point lose that indentation (VS Code adds it back)', () => {
  const endOfListen = text.indexOf(';') + 1;
  assert.equal(forSnippetIndentation('\n        ssl_certificate ${1:a};\n        ssl_certificate_key ${2:b};', index, endOfListen), '\nssl_certificate ${1:a};\nssl_certificate_key ${2:b};');
});

test('snippet edits: an insertion at the start of a line, or a one-line snippet, is left alone', () => {
  const lineStart = text.indexOf('        listen');
  assert.equal(forSnippetIndentation('        a;\n        b;\n', index, lineStart), '        a;\n        b;\n');
  assert.equal(forSnippetIndentation(' on', index, text.indexOf(' ssl')), ' on');
});
