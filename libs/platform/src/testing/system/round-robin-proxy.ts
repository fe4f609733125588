/**
 * A tiny load balancer for rolling-restart specs: round-robin over the instances in rotation.
 * Like a real one it retries a request on another instance only when it never reached the first
 * (the connection was refused: nothing listened); a request that did reach an instance and then
 * failed is answered 502 and counted, so a spec can assert that none did.
 * A new connection per request: a reused keep-alive socket closed by the instance would make
 * "did it arrive?" undecidable.
 */
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';

export interface RoundRobinProxy {
  readonly baseUrl: string;
  /** Put an instance into rotation (after its /health/ready answers 200). */
  add(baseUrl: string): void;
  /** Take it out of rotation: no new request goes there (in-flight ones finish). */
  remove(baseUrl: string): void;
  /** Requests that reached an instance and got no answer (502s the proxy made). */
  readonly brokenAfterArrival: () => number;
  /** Requests sent again to another instance because the first refused the connection. */
  readonly retriedBeforeArrival: () => number;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  const rotation: string[] = [];
  let next = 0;
  let broken = 0;
  let retried = 0;

  const forward = (target: string, req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>(
      (resolve, reject) => {
        const url = new URL(req.url ?? '/', target);
        const out = httpRequest(
          url,
          { method: req.method, headers: { ...req.headers, host: url.host }, agent: false },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 502,
                headers: res.headers,
                body: Buffer.concat(chunks),
              }),
            );
            res.on('error', (error) => reject(Object.assign(error, { arrived: true })));
          },
        );
        let connected = false;
        out.on('socket', (socket) => socket.once('connect', () => (connected = true)));
        out.on('error', (error) => reject(Object.assign(error, { arrived: connected })));
        out.end(body);
      },
    );

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      for (let attempt = 0; attempt < 10; attempt++) {
        if (rotation.length === 0) break;
        const target = rotation[next++ % rotation.length];
        try {
          const answer = await forward(target, req, body);
          res.writeHead(answer.status, answer.headers).end(answer.body);
          return;
        } catch (error) {
          if ((error as { arrived?: boolean }).arrived) {
            broken++;
            res.writeHead(502).end(`reached ${target} and failed: ${(error as Error).message}`);
            return;
          }
          retried++;
        }
      }
      res.writeHead(503).end('no instance in rotation accepted the connection');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    add: (baseUrl) => void (rotation.includes(baseUrl) || rotation.push(baseUrl)),
    remove: (baseUrl) => {
      const at = rotation.indexOf(baseUrl);
      if (at >= 0) rotation.splice(at, 1);
    },
    brokenAfterArrival: () => broken,
    retriedBeforeArrival: () => retried,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
