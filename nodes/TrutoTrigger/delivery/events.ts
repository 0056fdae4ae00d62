// Truto's webhook events (https://truto.one/docs/guides/webhooks/list-webhook-events and the
// event_types of https://truto.one/docs/api-reference/admin/webhooks/create), named in words.
export interface TrutoEvent {
	value: string;
	name: string;
	description: string;
}

export const EVENTS: TrutoEvent[] = [
	{ value: 'record:created', name: 'Record Created', description: 'A record was created in the connected app (needs the app\'s own webhooks set up in Truto)' },
	{ value: 'record:updated', name: 'Record Updated', description: 'A record was updated in the connected app' },
	{ value: 'record:deleted', name: 'Record Deleted', description: 'A record was deleted in the connected app' },
	{ value: 'integrated_account:created', name: 'Integrated Account Created', description: 'A new account was connected' },
	{ value: 'integrated_account:updated', name: 'Integrated Account Updated', description: 'An account was updated' },
	{ value: 'integrated_account:active', name: 'Integrated Account Active', description: 'An account is ready to use' },
	{ value: 'integrated_account:reactivated', name: 'Integrated Account Reactivated', description: 'An account works again after an authentication error' },
	{ value: 'integrated_account:authentication_error', name: 'Integrated Account Authentication Error', description: 'An account\'s credentials no longer work' },
	{ value: 'integrated_account:post_install_error', name: 'Integrated Account Post Install Error', description: 'Post-install steps failed; the account needs re-authorization' },
	{ value: 'integrated_account:validation_error', name: 'Integrated Account Validation Error', description: 'Connection validation failed; the account needs re-authorization' },
	{ value: 'integrated_account:post_connect_form_submitted', name: 'Integrated Account Post Connect Form Submitted', description: 'The user submitted the post-connect form' },
	{ value: 'integrated_account:deleted', name: 'Integrated Account Deleted', description: 'An account was deleted' },
	{ value: 'sync_job_run:created', name: 'Sync Job Run Created', description: 'A sync job run was created' },
	{ value: 'sync_job_run:started', name: 'Sync Job Run Started', description: 'A sync job run started' },
	{ value: 'sync_job_run:updated', name: 'Sync Job Run Updated', description: 'A sync job run was updated' },
	{ value: 'sync_job_run:record', name: 'Sync Job Run Record', description: 'Records fetched by a sync job run' },
	{ value: 'sync_job_run:completed', name: 'Sync Job Run Completed', description: 'A sync job run completed' },
	{ value: 'sync_job_run:failed', name: 'Sync Job Run Failed', description: 'A sync job run failed' },
	{ value: 'sync_job_run:deleted', name: 'Sync Job Run Deleted', description: 'A sync job run was deleted' },
	{ value: 'sync_job_cron_trigger:failed', name: 'Sync Job Schedule Failed', description: 'A scheduled sync job could not start' },
	{ value: 'batch_job:completed', name: 'Batch Job Completed', description: 'A batch job completed' },
	{ value: 'batch_job:failed', name: 'Batch Job Failed', description: 'A batch job failed' },
	{ value: 'batch_job:dry_run_completed', name: 'Batch Job Dry Run Completed', description: 'A batch job\'s dry run completed' },
	{ value: 'batch_job:dry_run_failed', name: 'Batch Job Dry Run Failed', description: 'A batch job\'s dry run failed' },
];

export const EVENT_VALUES = new Set(EVENTS.map((event) => event.value));

/** Events that carry a connected app's record (and so a resource). */
export const isRecordEvent = (event: string) => event.startsWith('record:');
