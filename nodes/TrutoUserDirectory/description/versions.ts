import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** A property with `@version` added to where it is shown. */
function onlyOn(property: INodeProperties, versions: number[], all: number[]): INodeProperties {
	const from = Math.min(...versions);
	// The versions from one on to the newest read as "this one and later".
	const range = all.filter((version) => version >= from);
	const show: Show = {
		...property.displayOptions?.show,
		'@version': range.length === versions.length ? [{ _cnd: { gte: from } }] : versions,
	};
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

/**
 * One list of properties for every node version: the UI is built once per
 * version, and a property that is the same in all of them is listed once; one
 * that differs is listed per version, shown with `@version`. So each version's
 * UI can be written plainly, and what a saved workflow of an older version
 * reads stays as it was.
 */
export function mergeVersions(builds: Array<[number, INodeProperties[]]>): INodeProperties[] {
	const all = builds.map(([version]) => version).sort((a, b) => a - b);
	const seen = new Map<string, { property: INodeProperties; versions: number[] }>();
	const order: string[] = [];
	// Newest first, so that the list keeps the newest version's order.
	for (const [version, properties] of [...builds].sort((a, b) => b[0] - a[0])) {
		let last = -1;
		for (const property of properties) {
			const key = JSON.stringify(property);
			const known = seen.get(key);
			if (known) {
				known.versions.push(version);
				last = order.indexOf(key);
				continue;
			}
			seen.set(key, { property, versions: [version] });
			// An older version's own property goes after what precedes it in that version.
			order.splice(last + 1, 0, key);
			last += 1;
		}
	}
	return order.map((key) => {
		const { property, versions } = seen.get(key)!;
		return versions.length === all.length ? property : onlyOn(property, versions.sort((a, b) => a - b), all);
	});
}
