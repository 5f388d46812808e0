// Entry point: configuration from the environment -> store -> listen. With arguments it runs an
// operator command instead (cli.ts). SIGTERM/SIGINT drain requests and flush the write queue.
import { runCli } from './cli';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { startServer } from './app';

async function serve(config: ServerConfig): Promise<void> {
  const server = await startServer(config);
  const c = server.config;
  process.stdout.write(
    `inkling: data in ${c.dataDir}; public URL ${c.publicUrl || server.url}; trusted proxies ${c.trustProxy}; ` +
      `send grace ${c.sendGraceMs} ms; self window ${c.selfWindowMs} ms; honeypot ${c.honeypot ? 'on' : 'off'}; ` +
      `rate limit ${c.rateLimitPerMinute || 'off'}/min per token\n`,
  );
  process.stdout.write(`inkling: listening on ${server.url}\n`);
  const stop = (signal: string) => {
    process.stdout.write(`inkling: ${signal}, shutting down\n`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`inkling: shutdown failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function main(): void {
  let config: ServerConfig;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const args = process.argv.slice(2);
  if (args.length > 0) process.exit(runCli(args, config));
  serve(config).catch((err: unknown) => {
    process.stderr.write(`inkling: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

main();
