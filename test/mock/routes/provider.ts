// Provider-shaped error bodies, as each integration would send them.
import type { Obj } from '../types';
import { failRemote, HttpError } from '../errors';
import { SINGULAR, type Resource } from '../resources';

/** Remote 404 for an id the provider does not know. */
export function remoteNotFound(integration: string, resource: Resource, id: string): HttpError {
  const what = SINGULAR[resource];
  let raw: Obj;
  let message: string;
  switch (integration) {
    case 'github':
      message = 'Not Found';
      raw = { message, documentation_url: 'https://docs.github.com/rest', status: '404' };
      break;
    case 'okta':
      message = `Not found: Resource not found: ${id} (${what})`;
      raw = { errorCode: 'E0000007', errorSummary: message, errorLink: 'E0000007', errorId: 'oae3mockNotFound', errorCauses: [] };
      break;
    case 'juniper-mist':
      message = 'Object Not Found';
      raw = { detail: message };
      break;
    default:
      message = `${what} ${id} not found`;
      raw = { error: { code: 'not_found', message } };
  }
  return failRemote({ status: 404, message, rawResponse: raw });
}

/** Remote 422 for a body the provider rejects. */
export function remoteInvalid(integration: string, resource: Resource, missing: string[], problem?: string): HttpError {
  const what = SINGULAR[resource];
  const message = problem ?? `Missing required field${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`;
  let raw: Obj;
  switch (integration) {
    case 'github':
      raw = {
        message: 'Validation Failed',
        errors: missing.length
          ? missing.map((field) => ({ resource: what, field, code: 'missing_field' }))
          : [{ resource: what, code: 'invalid', message }],
        documentation_url: 'https://docs.github.com/rest',
        status: '422',
      };
      break;
    case 'okta':
      raw = {
        errorCode: 'E0000001',
        errorSummary: `Api validation failed: ${missing.join(', ') || 'email'}`,
        errorLink: 'E0000001',
        errorId: 'oae3mockValidation',
        errorCauses: (missing.length ? missing : ['email']).map((f) => ({
          errorSummary: problem ?? `${f}: The field cannot be left blank`,
        })),
      };
      break;
    default:
      raw = { error: { code: 'validation_error', message, fields: missing } };
  }
  const insight = missing.length
    ? {
        missing_required_body_fields: {
          description: `The integration requires these body fields: ${missing.join(', ')}.`,
          value: missing,
        },
      }
    : undefined;
  return failRemote({ status: 422, message, rawResponse: raw, insight });
}
