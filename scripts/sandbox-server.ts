// `npm run sandbox [-- --port N] [-- --fault SPEC ...]`: the PiM ID sandbox on a loopback port.
import { parseArgs } from 'node:util';
import { ADMIN_PREFIX, IMAGE_PATH, SANDBOX_DEFAULTS, TOKEN_PATH } from '../src/core/sandbox/dev/handler';
import { startSandboxServer } from './sandbox-http';

const USAGE = `Usage: npm run sandbox -- [--port N] [--fault SPEC]...
  --port N       listen on 127.0.0.1:N (default: $PORT, else any free port)
  --fault SPEC   instance fault, e.g. --fault shape=json-object --fault unauthorized*1
                 (the fault list is in src/core/sandbox/dev/faults.ts)`;

function fail(message: string): never {
  console.error(`[sandbox] ${message}\n${USAGE}`);
  process.exit(2);
}

let values: { port?: string; fault?: string[]; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      fault: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const portText = values.port ?? process.env.PORT ?? '0';
const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
if (!(port >= 0 && port <= 65535)) fail(`Not a port number: ${portText}`);

const sandbox = await startSandboxServer({ port, options: { faults: values.fault ?? [] } }).catch((error: unknown) =>
  fail(error instanceof Error ? error.message : String(error)),
);

// The client secret is deliberately not printed: logs never carry one, not even the sandbox's.
console.log(`[sandbox] PiM ID sandbox listening on ${sandbox.url}
[sandbox]   base URL   ${sandbox.url}   (client id "${SANDBOX_DEFAULTS.clientId}", secret: the sandbox default, see src/core/sandbox/options.ts)
[sandbox]   token      POST ${sandbox.url}${TOKEN_PATH}?grant_type=client_credentials
[sandbox]   image      POST ${sandbox.url}${IMAGE_PATH}
[sandbox]   admin      ${sandbox.url}${ADMIN_PREFIX}stats | config | reset
[sandbox]   demo pages ${sandbox.url}/demo/
[sandbox] Ctrl+C stops it.`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) process.exit(1); // a second Ctrl+C does not wait
  stopping = true;
  console.log(`[sandbox] ${signal}: stopping`);
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
