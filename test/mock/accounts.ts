// The seeded integrated accounts (documented in README.md).
import type { Obj } from './types';
import { RESOURCE_METHODS, type Support } from './resources';
import { iso } from './seed/util';

export interface Account {
  id: string;
  tenant_id: string;
  integration: string;
  status: string;
  is_sandbox: boolean;
  authentication_method: string;
  region: string;
  is_blocked: boolean;
  day: number;
  /** resource -> methods this account supports */
  support: Support;
  /** deletes answer 204 with an empty body (juniper-mist) */
  deleteNoContent?: boolean;
  last_error?: string;
}

const ALL: Support = RESOURCE_METHODS;

export const ACCOUNTS: Account[] = [
  {
    id: 'acc_github', tenant_id: 'acme', integration: 'github', status: 'active', is_sandbox: false,
    authentication_method: 'oauth2', region: 'wnam', is_blocked: false, day: 1,
    support: {
      users: ['list', 'get', 'create', 'delete'],
      groups: ['list', 'get', 'create', 'update', 'delete', 'remove-user'],
      roles: ['list'],
      organizations: ['list', 'get', 'delete'],
      me: ['list'],
    },
  },
  {
    id: 'acc_mist', tenant_id: 'acme', integration: 'juniper-mist', status: 'active', is_sandbox: false,
    authentication_method: 'api_key', region: 'wnam', is_blocked: false, day: 2, deleteNoContent: true,
    support: {
      organizations: ['list', 'get', 'update', 'delete'],
      users: ['list', 'get', 'delete'],
      me: ['list'],
    },
  },
  {
    id: 'acc_okta', tenant_id: 'globex', integration: 'okta', status: 'active', is_sandbox: false,
    authentication_method: 'api_key', region: 'enam', is_blocked: false, day: 3,
    support: { ...ALL, organizations: ['list', 'get'] },
  },
  {
    id: 'acc_sandbox', tenant_id: 'acme', integration: 'github', status: 'active', is_sandbox: true,
    authentication_method: 'oauth2', region: 'wnam', is_blocked: false, day: 4,
    // Sandbox accounts are read-only: writes answer 405 before this table is consulted.
    support: { users: ['list', 'get'], organizations: ['list', 'get'], me: ['list'] },
  },
  {
    id: 'acc_bulk', tenant_id: 'bench', integration: 'trutotest', status: 'active', is_sandbox: false,
    authentication_method: 'api_key', region: 'wnam', is_blocked: false, day: 5,
    support: ALL,
  },
  {
    id: 'acc_zendesk_reauth', tenant_id: 'globex', integration: 'zendesk', status: 'needs_reauth', is_sandbox: false,
    authentication_method: 'oauth2', region: 'enam', is_blocked: false, day: 6, support: {},
    last_error: 'The refresh token has expired.',
  },
  {
    id: 'acc_slack_connecting', tenant_id: 'initech', integration: 'slack', status: 'connecting', is_sandbox: false,
    authentication_method: 'oauth2', region: 'eu', is_blocked: false, day: 7, support: {},
  },
  {
    id: 'acc_gws_error', tenant_id: 'initech', integration: 'googleworkspace', status: 'post_install_error', is_sandbox: false,
    authentication_method: 'oauth2', region: 'apac', is_blocked: false, day: 8, support: {},
    last_error: 'Post-install step failed: domain not verified.',
  },
];

export const ENVIRONMENT_ID = 'env_mock_0001';

/** The account as `GET /integrated-account/{id}` shows it. */
export function accountView(a: Account): Obj {
  return {
    id: a.id,
    tenant_id: a.tenant_id,
    environment_id: ENVIRONMENT_ID,
    environment_integration_id: `envint_${a.integration}`,
    status: a.status,
    is_sandbox: a.is_sandbox,
    authentication_method: a.authentication_method,
    region: a.region,
    context: {},
    last_error: a.last_error ?? null,
    last_action_result: null,
    integration: { id: `int_${a.integration}`, name: a.integration, category: 'user-directory' },
    created_at: iso(-100 + a.day),
    updated_at: iso(-50 + a.day),
  };
}
