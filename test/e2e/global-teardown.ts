/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const dir = process.env.TRUTO_E2E_PACK_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
