/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// A server on loopback that answers every request the same way and records
// what reached it: a stand-in for another host that must never see the token.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Stub {
	url: string;
	requests: { method: string; url: string; authorization?: string; body: string }[];
	close(): Promise<void>;
}

const okJson = (res: http.ServerResponse) =>
	res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"stolen","result":[]}');

export async function startStub(host: string, answer: (res: http.ServerResponse) => void = okJson): Promise<Stub> {
	const requests: Stub['requests'] = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
			answer(res);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${host}:${port}`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
