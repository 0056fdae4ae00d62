/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core keeps its settings under N8N_USER_FOLDER: give each test run a throwaway one.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'truto-n8n-'));
// The engine logs every node error; the tests assert them instead.
process.env.N8N_LOG_LEVEL ??= 'silent';
