// Workflows the e2e suite imports into n8n: Manual Trigger -> a list of
// targets -> one item per target -> Truto User Directory: Delete Organization.

export const NODE_TYPE = 'n8n-nodes-truto.trutoUserDirectory';
export const TRUTO = 'Delete organization';
export const SPLIT = 'One item per target';
export const AFTER = 'After';
export const FAILED = 'Failed';

export interface Target {
  account: string;
  org: string;
}

export interface DeleteCase {
  id: string;
  targets: Target[];
  credentialId: string;
  options?: Record<string, unknown>;
  onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
  /** how the ids reach the node: resource locator (default) or plain string expressions */
  locator?: 'rl' | 'string';
  /** a Set node after Truto that looks back at the input item through paired items */
  pairedLookup?: boolean;
  /** the node's version (default 1) */
  typeVersion?: number;
  /** leave resource and operation out, as a saved workflow does when they equal their defaults */
  omitDefaults?: boolean;
}

const position = (i: number): [number, number] => [i * 220, 0];

function expr(field: keyof Target, locator: DeleteCase['locator']) {
  const value = `={{ $json.${field} }}`;
  return locator === 'string' ? value : { __rl: true, mode: 'id', value };
}

export function deleteWorkflow(c: DeleteCase) {
  const truto: Record<string, unknown> = {
    id: 'b7c1d2e3-0000-4000-8000-000000000004',
    name: TRUTO,
    type: NODE_TYPE,
    typeVersion: c.typeVersion ?? 1,
    position: position(3),
    parameters: {
      ...(c.omitDefaults ? {} : { resource: 'organization', operation: 'delete' }),
      integratedAccountId: expr('account', c.locator),
      id: expr('org', c.locator),
      options: c.options ?? {},
    },
    credentials: { trutoApi: { id: c.credentialId, name: c.credentialId } },
  };
  if (c.onError) truto.onError = c.onError;

  const after = c.pairedLookup
    ? {
        id: 'b7c1d2e3-0000-4000-8000-000000000005',
        name: AFTER,
        type: 'n8n-nodes-base.set',
        typeVersion: 3.4,
        position: position(4),
        parameters: {
          mode: 'manual',
          includeOtherFields: true,
          assignments: {
            assignments: [
              {
                id: 'a1',
                name: 'requestedOrg',
                value: `={{ $('${SPLIT}').item.json.org }}`,
                type: 'string',
              },
              {
                id: 'a2',
                name: 'requestedAccount',
                value: `={{ $('${SPLIT}').item.json.account }}`,
                type: 'string',
              },
            ],
          },
          options: {},
        },
      }
    : {
        id: 'b7c1d2e3-0000-4000-8000-000000000005',
        name: AFTER,
        type: 'n8n-nodes-base.noOp',
        typeVersion: 1,
        position: position(4),
        parameters: {},
      };

  const nodes: Record<string, unknown>[] = [
    {
      id: 'b7c1d2e3-0000-4000-8000-000000000001',
      name: 'Start',
      type: 'n8n-nodes-base.manualTrigger',
      typeVersion: 1,
      position: position(0),
      parameters: {},
    },
    {
      id: 'b7c1d2e3-0000-4000-8000-000000000002',
      name: 'Targets',
      type: 'n8n-nodes-base.set',
      typeVersion: 3.4,
      position: position(1),
      parameters: { mode: 'raw', jsonOutput: JSON.stringify({ targets: c.targets }), options: {} },
    },
    {
      id: 'b7c1d2e3-0000-4000-8000-000000000003',
      name: SPLIT,
      type: 'n8n-nodes-base.splitOut',
      typeVersion: 1,
      position: position(2),
      parameters: { fieldToSplitOut: 'targets', include: 'noOtherFields', options: {} },
    },
    truto,
    after,
  ];
  const link = (node: string) => [{ node, type: 'main', index: 0 }];
  const connections: Record<string, { main: unknown[][] }> = {
    Start: { main: [link('Targets')] },
    Targets: { main: [link(SPLIT)] },
    [SPLIT]: { main: [link(TRUTO)] },
    [TRUTO]: { main: [link(AFTER)] },
  };
  if (c.onError === 'continueErrorOutput') {
    nodes.push({
      id: 'b7c1d2e3-0000-4000-8000-000000000006',
      name: FAILED,
      type: 'n8n-nodes-base.noOp',
      typeVersion: 1,
      position: [position(4)[0], 200],
      parameters: {},
    });
    connections[TRUTO].main.push(link(FAILED));
  }
  return {
    id: c.id,
    name: `e2e ${c.id}`,
    nodes,
    connections,
    settings: { executionOrder: 'v1' },
    pinData: {},
    active: false,
  };
}

/** One Truto User Directory node of a chain: its name and its parameters. */
export interface Step {
  name: string;
  parameters: Record<string, unknown>;
}

/** An ID for a resource locator parameter. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Manual Trigger -> the steps, one Truto User Directory node each, one after the other. */
export function chainWorkflow(id: string, steps: Step[], credentialId: string) {
  const nodes: Record<string, unknown>[] = [
    {
      id: 'c4d5e6f7-0000-4000-8000-000000000000',
      name: 'Start',
      type: 'n8n-nodes-base.manualTrigger',
      typeVersion: 1,
      position: position(0),
      parameters: {},
    },
  ];
  const connections: Record<string, { main: unknown[][] }> = {};
  let previous = 'Start';
  steps.forEach((step, i) => {
    nodes.push({
      id: `c4d5e6f7-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      name: step.name,
      type: NODE_TYPE,
      typeVersion: 1,
      position: position(i + 1),
      parameters: step.parameters,
      credentials: { trutoApi: { id: credentialId, name: credentialId } },
    });
    connections[previous] = { main: [[{ node: step.name, type: 'main', index: 0 }]] };
    previous = step.name;
  });
  return {
    id,
    name: `e2e ${id}`,
    nodes,
    connections,
    settings: { executionOrder: 'v1' },
    pinData: {},
    active: false,
  };
}

/** Manual Trigger -> one node, as given (any node type, e.g. n8n's HTTP Request). */
export function oneNodeWorkflow(id: string, node: Record<string, unknown>) {
  return {
    id,
    name: `e2e ${id}`,
    nodes: [
      {
        id: 'd5e6f7a8-0000-4000-8000-000000000000',
        name: 'Start',
        type: 'n8n-nodes-base.manualTrigger',
        typeVersion: 1,
        position: position(0),
        parameters: {},
      },
      { id: 'd5e6f7a8-0000-4000-8000-000000000001', position: position(1), ...node },
    ],
    connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
    settings: { executionOrder: 'v1' },
    pinData: {},
    active: false,
  };
}
