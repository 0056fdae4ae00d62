/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The table of docs/truto-api.md, read as data: what each operation sends where,
// as Truto documents it. The mock refuses misplaced fields by it; the fidelity
// test holds the node's catalog against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReferenceRow {
  /** resource.operation, as the node names them ("user.getAll"). */
  operation: string;
  http: string;
  /** "/users/{id}", "/users/unassign-role". */
  path: string;
  query: Set<string>;
  body: Set<string>;
  formats: string[];
  docs: string;
}

export const REFERENCE_FILE = join(__dirname, '..', '..', 'docs', 'truto-api.md');

/** Parameters every request may have; the table lists only the others. */
export const COMMON_QUERY = new Set([
  'integrated_account_id',
  'truto_response_format',
  'truto_ignore_remote_data',
  'truto_exclude_fields',
  'remote_query',
  'truto_key_by',
  'truto_ignore_limit',
  'limit',
  'next_cursor',
]);

const names = (cell: string) =>
  new Set(
    cell
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );

let rows: ReferenceRow[] | undefined;

/** The rows of the "Every operation" table. */
export function referenceRows(): ReferenceRow[] {
  if (rows) return rows;
  const text = readFileSync(REFERENCE_FILE, 'utf8');
  const section = text.slice(text.indexOf('## Every operation'), text.indexOf('## Parameters every request has'));
  rows = section
    .split('\n')
    .filter((line) => /^\| [a-zA-Z]+\.[a-zA-Z]+ \|/.test(line))
    .map((line) => {
      const [operation, http, path, query, body, formats, docs] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return { operation, http, path, query: names(query), body: names(body), formats: [...names(formats)], docs };
    });
  return rows;
}

/** The row for a request to /unified/user-directory/{resource}[/{sub}]. */
export function referenceRow(http: string, resource: string, sub: string | undefined): ReferenceRow | undefined {
  const candidates = referenceRows().filter((row) => row.http === http);
  const exact = candidates.find((row) => row.path === `/${resource}${sub === undefined ? '' : `/${sub}`}`);
  if (exact) return exact;
  return sub === undefined ? undefined : candidates.find((row) => row.path === `/${resource}/{id}`);
}
