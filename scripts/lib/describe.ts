// The node's generated UI as readable text: what n8n's editor shows for every
// resource and operation, with labels, defaults and options. Visibility is
// decided by n8n's own rules (NodeHelpers from n8n-workflow).
import type {
  ICredentialType,
  INodeProperties,
  INodePropertyCollection,
  INodePropertyOptions,
  INodeType,
  INodeTypeDescription,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

type Option = INodeProperties | INodePropertyOptions | INodePropertyCollection;

function value(v: unknown): string {
  return JSON.stringify(v);
}

function isProperty(option: Option): option is INodeProperties {
  return 'type' in option && 'displayName' in option;
}

/** One line for a property: label (name) type = default, then its notes and description. */
function propertyLine(p: INodeProperties): string {
  const notes = [
    p.required ? 'required' : '',
    p.placeholder ? `placeholder ${value(p.placeholder)}` : '',
    p.typeOptions ? `typeOptions ${value(p.typeOptions)}` : '',
    p.noDataExpression ? 'no expression' : '',
    p.hint ? `hint ${value(p.hint)}` : '',
  ].filter(Boolean);
  const head = `${p.displayName} (${p.name}) ${p.type} = ${value(p.default)}`;
  return [head, ...notes].join(' · ') + (p.description ? ` — ${p.description}` : '');
}

function optionLines(options: Option[] | undefined, indent: string): string[] {
  const lines: string[] = [];
  for (const option of options ?? []) {
    if (isProperty(option)) {
      lines.push(`${indent}- ${propertyLine(option)}`);
      lines.push(...childLines(option, `${indent}  `));
    } else if ('values' in option) {
      lines.push(`${indent}- entry "${option.displayName}" (${option.name}):`);
      lines.push(...optionLines(option.values, `${indent}  `));
    } else {
      const choice = option as INodePropertyOptions;
      const action = choice.action ? ` · action ${value(choice.action)}` : '';
      const description = choice.description ? ` — ${choice.description}` : '';
      lines.push(`${indent}- ${choice.name} = ${value(choice.value)}${action}${description}`);
    }
  }
  return lines;
}

function childLines(p: INodeProperties, indent: string): string[] {
  const lines: string[] = [];
  if (p.type === 'resourceLocator') {
    for (const mode of p.modes ?? []) {
      const search = mode.typeOptions?.searchListMethod ? ` · list ${mode.typeOptions.searchListMethod}` : '';
      const placeholder = mode.placeholder ? ` · placeholder ${value(mode.placeholder)}` : '';
      lines.push(`${indent}- mode ${mode.displayName} (${mode.name})${search}${placeholder}`);
    }
  }
  if (p.options) lines.push(...optionLines(p.options as Option[], indent));
  return lines;
}

/** The properties shown for these values, in the editor's order, as n8n decides it. */
function shown(description: INodeTypeDescription, values: Record<string, unknown>, version: number) {
  return description.properties.filter((p) =>
    NodeHelpers.displayParameter(values as never, p, { typeVersion: version }, description),
  );
}

function versionsOf(description: INodeTypeDescription): number[] {
  return Array.isArray(description.version) ? description.version : [description.version];
}

/** The node's UI, resource by resource and operation by operation, for its newest version. */
export function describeNode(node: INodeType): string {
  const d = node.description;
  const versions = versionsOf(d);
  const latest = d.defaultVersion ?? Math.max(...versions);
  const lines = [
    `# ${d.displayName} (${d.name})`,
    '',
    `Versions ${versions.join(', ')}; new nodes get ${latest}. Subtitle ${value(d.subtitle)}.`,
    `Credentials: ${(d.credentials ?? []).map((c) => `${c.name}${c.required ? ' (required)' : ''}`).join(', ')}.`,
    `Usable as an AI tool: ${d.usableAsTool ? 'yes' : 'no'}.`,
    '',
    d.description,
  ];
  const defaults = (version: number) => NodeHelpers.getNodeParameters(d.properties, {}, true, false, { typeVersion: version }, d) ?? {};
  const resourceProperty = d.properties.find((p) => p.name === 'resource');
  if (!resourceProperty) {
    // A node without resources (the trigger): its parameters as a new node shows them.
    lines.push('');
    for (const p of shown(d, defaults(latest), latest)) lines.push(`- ${propertyLine(p)}`, ...childLines(p, '  '));
    return lines.join('\n') + '\n';
  }
  for (const version of versions) {
    const start = defaults(version);
    lines.push(`A new node of version ${version} opens on ${value(start.resource)} → ${value(start.operation)}.`);
  }
  for (const resource of (resourceProperty?.options ?? []) as INodePropertyOptions[]) {
    lines.push('', `## ${resource.name} (${value(resource.value)})`);
    const operations = d.properties.filter(
      (p) => p.name === 'operation' && NodeHelpers.displayParameter({ resource: resource.value }, p, { typeVersion: latest }, d),
    );
    for (const operation of (operations[0]?.options ?? []) as INodePropertyOptions[]) {
      lines.push('', `### ${operation.name} (${value(operation.value)}) · action ${value(operation.action)}`);
      lines.push(String(operation.description ?? ''));
      const values = NodeHelpers.getNodeParameters(
        d.properties,
        { resource: resource.value, operation: operation.value },
        true,
        false,
        { typeVersion: latest },
        d,
      );
      for (const p of shown(d, values ?? {}, latest)) {
        if (p.name === 'resource' || p.name === 'operation') continue;
        lines.push(`- ${propertyLine(p)}`);
        lines.push(...childLines(p, '  '));
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** A credential's fields, authentication and test request. */
export function describeCredential(credential: ICredentialType): string {
  const lines = [`# Credential: ${credential.displayName} (${credential.name})`, ''];
  for (const p of credential.properties) lines.push(`- ${propertyLine(p)}`);
  lines.push('', `Authentication: ${value(credential.authenticate)}`);
  lines.push(`Test request: ${value(credential.test)}`);
  return lines.join('\n') + '\n';
}
