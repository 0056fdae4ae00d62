/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Truto error bodies: `{statusCode, error, message}`, plus the remote-error fields.
import * as http from 'http';
import type { Obj } from './types';

export function reason(status: number): string {
  return http.STATUS_CODES[status] ?? 'Unknown';
}

export function trutoError(status: number, message: string): Obj {
  return { statusCode: status, error: reason(status), message };
}

/** Thrown by route code; the server turns it into an answer. */
export class HttpError extends Error {
  constructor(
    public status: number,
    public body: Obj,
    public headers: Record<string, string> = {},
  ) {
    super(String(body.message ?? reason(status)));
  }
}

export function fail(status: number, message: string): HttpError {
  return new HttpError(status, trutoError(status, message));
}

export interface RemoteErrorParts {
  status: number;
  message: string;
  rawResponse: unknown;
  insight?: Obj;
}

/** A provider error as Truto forwards it on unified routes. */
export function remoteError(parts: RemoteErrorParts): Obj {
  const insight: Obj = {
    ...(parts.insight ?? {}),
    remote_error: {
      description: `The ${parts.status} error came from the underlying integration's API, not from Truto.`,
    },
  };
  if (parts.status === 429 && !insight.rate_limit_error) {
    insight.rate_limit_error = { description: 'The integration rate limited this request.' };
  }
  return {
    ...trutoError(parts.status, parts.message),
    truto_is_remote_error: true,
    raw_response: parts.rawResponse,
    truto_error_insight: insight,
  };
}

export function failRemote(parts: RemoteErrorParts): HttpError {
  return new HttpError(parts.status, remoteError(parts));
}
