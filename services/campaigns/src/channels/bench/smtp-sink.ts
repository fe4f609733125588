/**
 * The benches' SMTP server: an smtp-server in a child process (it does not take the senders'
 * CPU) that accepts every message and counts them. `startSmtpSink()` forks this file.
 */
import { fork } from 'node:child_process';
import { SMTPServer } from 'smtp-server';

function serve(): void {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 1000,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received += 1;
        callback(null, `Ok: queued as B${received}`);
      });
      stream.resume();
    },
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.server.address();
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  });
  process.on('message', (m: { count?: boolean }) => {
    if (m.count) process.send?.({ received });
  });
  // The parent died without stopping us: do not linger holding its stdout.
  process.on('disconnect', () => process.exit(0));
}

export interface SmtpSink {
  readonly port: number;
  /** Messages accepted so far. */
  received(): Promise<number>;
  stop(): void;
}

export function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(__filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m: { port: number }) =>
      resolve({
        port: m.port,
        received: () =>
          new Promise((answer) => {
            child.once('message', (r: { received: number }) => answer(r.received));
            child.send({ count: true });
          }),
        stop: () => child.kill(),
      }),
    );
  });
}

if (require.main === module && process.argv.includes('--serve')) serve();
