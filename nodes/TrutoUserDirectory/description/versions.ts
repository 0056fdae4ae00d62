import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** displayOptions that show a property on version 1 only, or on 1.1 and later. */
export function onVersions(range: '1' | '1.1+'): Show {
	return range === '1' ? { '@version': [1] } : { '@version': [{ _cnd: { gte: 1.1 } }] };
}
