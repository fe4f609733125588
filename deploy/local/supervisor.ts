/**
 * One service of `npm start` as a supervised child process: spawned, watched until its
 * /health/live answers, restarted after a crash as restart-policy.ts decides, and stopped with
 * SIGTERM then SIGKILL. The decisions live in restart-policy.ts; this file only handles processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_RESTART_POLICY,
  NO_RESTARTS,
  decideAfterExit,
  describeExit,
  type RestartPolicy,
} from './restart-policy';

export interface ServiceCommand {
  readonly name: string;
  readonly port: number;
  /** Polled until it answers 200: the service is then "up" (see restart-policy.ts). */
  readonly liveUrl: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface SupervisedService {
  readonly name: string;
  /** SIGTERM, SIGKILL after `killAfterMs`; cancels a pending restart; resolves once it is gone. */
  stop(killAfterMs: number): Promise<void>;
  /** SIGKILL now (a second Ctrl-C). */
  kill(): void;
}

export interface SupervisorEvents {
  log(message: string): void;
  /** The service kept failing at start-up; the launcher should stop everything and exit non-zero. */
  gaveUp(name: string): void;
}

const LIVENESS_POLL_MS = 250;

export function superviseService(
  command: ServiceCommand,
  events: SupervisorEvents,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): SupervisedService {
  const { name } = command;
  let child: ChildProcess | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let history = NO_RESTARTS;
  let stopping = false;

  const run = () => {
    restartTimer = undefined;
    const current = spawn(process.execPath, command.args, {
      cwd: command.cwd,
      stdio: 'inherit',
      env: command.env,
    });
    child = current;
    // The pid is in the line so an operator (or the launcher's e2e test) can find the process.
    events.log(`${name}: started, pid ${current.pid}, http://127.0.0.1:${command.port}`);
    // Monotonic: a wall clock moved by NTP (or libfaketime in CI) must not bend the back-off.
    const startedAt = performance.now();
    let upAt: number | undefined;
    void waitUntilLive(command.liveUrl, current).then((live) => {
      if (!live) return;
      upAt = performance.now();
      events.log(`${name}: up, pid ${current.pid}, after ${seconds(upAt - startedAt)}`);
    });
    current.once('error', (error) => events.log(`${name}: ${error.message}`));
    current.once('exit', (code, signal) => {
      if (child === current) child = undefined;
      if (stopping) return;
      const how = describeExit(code, signal);
      const cameUp = upAt !== undefined;
      const decision = decideAfterExit(
        history,
        { cameUp, upForMs: cameUp ? performance.now() - upAt! : 0 },
        policy,
      );
      history = decision.history;
      if (decision.action === 'give-up') {
        events.log(
          `${name}: FAILED TO START ${decision.failedStarts} times in a row (last: ${how}); giving up, see its output above`,
        );
        events.gaveUp(name);
        return;
      }
      const what = cameUp ? 'CRASHED' : 'FAILED TO START';
      events.log(
        `${name}: ${what} (pid ${current.pid}, ${how}); restarting in ${seconds(decision.delayMs)}`,
      );
      restartTimer = setTimeout(run, decision.delayMs);
    });
  };

  run();
  return {
    name,
    async stop(killAfterMs) {
      stopping = true;
      clearTimeout(restartTimer);
      const current = child;
      if (!current || hasExited(current)) return;
      await new Promise<void>((resolve) => {
        const killer = setTimeout(() => {
          events.log(`${name}: still running ${seconds(killAfterMs)} after SIGTERM; SIGKILL`);
          current.kill('SIGKILL');
        }, killAfterMs);
        current.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        current.kill('SIGTERM');
      });
    },
    kill() {
      stopping = true;
      clearTimeout(restartTimer);
      if (child && !hasExited(child)) child.kill('SIGKILL');
    },
  };
}

/** A child killed by a signal has `signalCode` set and `exitCode` still null. */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** True once `url` answers 200; false when the child exits first. */
async function waitUntilLive(url: string, child: ChildProcess): Promise<boolean> {
  while (!hasExited(child)) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await res.body?.cancel();
      if (res.ok) return !hasExited(child);
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, LIVENESS_POLL_MS));
  }
  return false;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
