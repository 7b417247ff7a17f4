import { Agent, request } from 'node:http';

/** Bounded closed-loop load: `concurrency` workers, each issuing one request after another, until `seconds` pass. */
export async function closedLoop(concurrency: number, seconds: number, work: (worker: number, iteration: number) => Promise<void>): Promise<{ count: number; perSecond: number; errors: number }> {
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  let count = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let iteration = 0; Date.now() < deadline; iteration++) {
        try {
          await work(worker, iteration);
          count++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  return { count, perSecond: count / elapsed, errors };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs a GraphQL operation over a kept-alive connection; rejects on any HTTP or GraphQL error. */
export function postGraphql(url: string, body: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
        else resolve();
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
