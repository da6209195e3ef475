import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import type { HttpResponse } from '../platform/yandex';
import { DevIdentity } from './dev-identity';
import { createGateway } from './gateway';
import type {
  GatewayCall,
  GatewayReply,
  GatewayRequest,
  GatewayThreadOptions,
  GatewayThreadStatus,
} from './gateway-host';
import { loadOperations } from './openapi-routes';

/**
 * The local API Gateway's own thread (started by gateway-host.ts). As in Yandex Cloud, where
 * API Gateway is a service apart from the functions, HTTP parsing, the JWT authorizer and the
 * request validators do not take turns with the functions on one event loop.
 */
const port = parentPort;
if (!port) throw new Error('gateway-thread.ts runs as a worker thread of the local cloud');
const options = workerData as GatewayThreadOptions;

const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let nextId = 0;
const call = (request: GatewayRequest) =>
  new Promise<unknown>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    port.postMessage({ ...request, id } satisfies GatewayCall);
  });

let gateway: Server | undefined;
port.on('message', (message: GatewayReply | 'close') => {
  if (message === 'close') {
    // Idle kept-alive connections close now, requests under way finish first;
    // process.exit in a worker ends only this thread.
    if (gateway) gateway.close(() => process.exit(0));
    else process.exit(0);
    return;
  }
  const waiting = pending.get(message.id);
  pending.delete(message.id);
  if ('error' in message) waiting?.reject(new Error(message.error));
  else waiting?.resolve(message.result);
});

async function start(): Promise<GatewayThreadStatus> {
  const identity = await DevIdentity.load(options.identityPath);
  gateway = createGateway(
    loadOperations(options.openapiPath),
    identity,
    (functionName, event) => call({ functionName, event }),
    Object.fromEntries(
      options.devRoutes.map((route) => [
        route,
        (body) => call({ devRoute: route, body }) as Promise<HttpResponse>,
      ]),
    ),
  );
  const server = gateway;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return { listening: (server.address() as AddressInfo).port };
}

start().then(
  (status) => port.postMessage(status),
  (error: Error) => port.postMessage({ failed: error.message } satisfies GatewayThreadStatus),
);
