/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The generated UI is reviewed as text: docs/node-ui.md must match what the code generates.
import { readFileSync } from 'node:fs';
import { renderUi, UI_FILE } from '../../scripts/lib/ui';

test('docs/node-ui.md is the UI the node generates (update it with: npm run describe -- --write)', () => {
	expect(renderUi()).toBe(readFileSync(UI_FILE, 'utf8'));
});

test('the UI text names every resource and operation of the node', () => {
	const text = renderUi();
	expect(text).toContain('### Delete ("delete") · action "Delete an organization"');
	expect(text).toContain('A new node of version 1.1 opens on "organization" → "getAll".');
	expect(text).toContain('A new node of version 1 opens on "organization" → "delete".');
});
