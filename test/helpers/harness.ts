import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type AppDeps, buildApp } from '../../src/app.ts';
import type { AnyProviderPlugin } from '../../src/delivery/adapters/provider-registry.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import type { Clock } from '../../src/kernel/clock.ts';
import { loadConfig } from '../../src/kernel/config/config.ts';
import { type Client, createClient } from './http-client.ts';
import { readSandboxCode } from './sandbox.ts';
import { fetchTrusting } from './tls.ts';

export interface TestServer {
  url: string;
  deps: Deps;
  app: FastifyInstance;
  dataDir: string;
  /** Every log line the server wrote, raw. */
  logs: string[];
  /** A new app with its first key, and a client that uses the key. */
  createApp(name?: string): Promise<{ appId: string; apiKey: string; client: Client }>;
  /** Waits for the sandbox message of a verification and returns the code in it. */
  readCode(client: Client, verificationId: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  clock?: Clock;
  env?: Record<string, string>;
  /** Run the dispatcher loop (default true). Without it, call deps.dispatcher.runOnce(). */
  dispatcher?: boolean;
  /** HTTP settings of the app that have no environment variable. */
  http?: Pick<AppDeps, 'requestTimeoutMs'>;
  /** Provider plug-ins apps may configure, in place of the production list. */
  providerPlugins?: readonly AnyProviderPlugin[];
}

/**
 * A real otpd on an ephemeral loopback port over a fresh SQLite file, with debug logging
 * captured in memory.
 */
export async function startServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'otpd-test-'));
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(chunk.toString());
      callback();
    },
  });
  const config = loadConfig({
    OTPD_DATA_DIR: dataDir,
    OTPD_LOG_LEVEL: 'debug',
    OTPD_DISPATCH_INTERVAL_MS: '50',
    ...options.env,
  });
  const deps = createDeps(config, {
    clock: options.clock,
    logDestination,
    providerPlugins: options.providerPlugins,
  });
  await deps.store.migrate();
  await deps.messageLog.migrate();
  const app = await buildApp({ ...deps, ...options.http });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  // With OTPD_TLS_CERT_FILE the server speaks https, and its clients trust that certificate.
  const certFile = options.env?.OTPD_TLS_CERT_FILE;
  const url = `${certFile ? 'https' : 'http'}://127.0.0.1:${address.port}`;
  const send = certFile ? fetchTrusting(readFileSync(certFile, 'utf8')) : fetch;
  if (options.dispatcher !== false) {
    deps.dispatcher.start();
    deps.webhooks.start();
  }

  return {
    url,
    deps,
    app,
    dataDir,
    logs,
    async createApp(name = 'Test Shop') {
      const { app: created, apiKey } = await deps.apps.createApp(name);
      return { appId: created.id, apiKey, client: createClient(url, apiKey, send) };
    },
    readCode(client, verificationId) {
      return readSandboxCode(client, verificationId, 200);
    },
    async close() {
      await app.close();
      await deps.messenger.conversations.drain();
      await deps.dispatcher.stop();
      await deps.webhooks.stop();
      await deps.expirySweeper.stop();
      await deps.store.close();
      await deps.messageLog.close();
      await deps.limiter.close();
      await deps.conversationEvents.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
