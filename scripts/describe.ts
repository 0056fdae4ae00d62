/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// npm run describe: the UI that the node and credential generate, as text.
// `npm run describe -- --write` updates docs/node-ui.md, the reviewed copy
// that a test compares with (so every change of a label, default or option
// shows up in a diff).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderUi, UI_FILE } from './lib/ui';

const text = renderUi();
if (process.argv.includes('--write')) {
  writeFileSync(UI_FILE, text);
  process.stderr.write(`wrote ${UI_FILE}\n`);
} else if (process.argv.includes('--check')) {
  const saved = readFileSync(UI_FILE, 'utf8');
  if (saved !== text) {
    process.stderr.write(`${join('docs', 'node-ui.md')} is out of date: run npm run describe -- --write and review the diff\n`);
    process.exit(1);
  }
} else {
  process.stdout.write(text);
}
