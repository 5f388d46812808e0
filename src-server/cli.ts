// Operator commands. `users add --email E [--name N] [--admin]` prints one JSON line
// {"id","email","name","token"}; the token is shown this once. Works beside a running server
// (WAL and a busy timeout let both write the same file).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { ServerConfig } from './config';
import { SqliteStore } from './store/sqlite-store';
import { addUser } from './users';

const USAGE = 'usage: users add --email EMAIL [--name NAME] [--admin]';
const Email = z.string().trim().toLowerCase().pipe(z.email().max(320));

/** Runs a command and returns the process exit code. */
export function runCli(argv: string[], config: ServerConfig): number {
  const [group, command, ...rest] = argv;
  if (group !== 'users' || command !== 'add') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let values: { email?: string | undefined; name?: string | undefined; admin?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const email = Email.safeParse(values.email ?? '');
  if (!email.success) {
    process.stderr.write(`--email: a valid address is required\n${USAGE}\n`);
    return 2;
  }
  const store = new SqliteStore(config.dataDir);
  try {
    const user = addUser(store, { email: email.data, name: values.name, admin: values.admin });
    process.stdout.write(`${JSON.stringify({ id: user.id, email: user.email, name: user.name, token: user.token })}\n`);
    return 0;
  } catch (err) {
    const exists = err instanceof Error && /UNIQUE/.test(err.message);
    process.stderr.write(exists ? `a user with email ${email.data} already exists\n` : `${String(err)}\n`);
    return 1;
  } finally {
    // Synchronous for a store without group sync: done before main calls process.exit.
    void store.close();
  }
}
