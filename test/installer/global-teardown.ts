/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { rmSync } from 'node:fs';
import e2eGlobalTeardown from '../e2e/global-teardown';
import type { Registry } from './registry';

export default async function globalTeardown() {
  const state = (globalThis as { truto?: { registry: Registry; work: string } }).truto;
  await state?.registry.stop();
  if (state) rmSync(state.work, { recursive: true, force: true });
  await e2eGlobalTeardown();
}
