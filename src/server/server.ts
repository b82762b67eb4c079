import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { openConfiguredDb, sqliteFile } from './database.ts';
import { seedDemoOnce } from './demo/seed.ts';
import { startAssuranceScheduler } from './modules/directory/curate/service.ts';
import { startStuckJobSweep } from './modules/directory/exchange/service.ts';
import { startHoldSweeper } from './modules/events/registration.ts';
import { closeNetworkMetricsWorkers } from './modules/network/metrics/index.ts';
import { SYSTEM_ACTOR } from './platform/audit.ts';
import type { Config } from './platform/config.ts';
import { holdDatabase } from './platform/db/backup.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { smtpTransport, startMailDispatcher } from './platform/outbox.ts';

export interface RunningKnooppunt {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Opens and migrates the database, loads the demo region once (unless DEMO_SEED=false), and listens. */
export async function startKnooppunt(config: Config): Promise<RunningKnooppunt> {
  // The SQLite file is marked as held, so that `restore` refuses to replace it under this server.
  const release = config.databaseUrl ? () => {} : holdDatabase(sqliteFile(config));
  const handle = openConfiguredDb(config);
  try {
    await migrateToLatest(handle.db);
    const app = await buildApp(config, handle);
    if (config.demoSeed) await seedDemoOnce(handle.db, (m) => app.log.info(m));
    const stopMail = startMailDispatcher(
      handle.db,
      config.smtpUrl ? smtpTransport(config.smtpUrl) : null,
      config.mailFrom,
      app.log,
    );
    const stopAssurance = startAssuranceScheduler(handle.db, app.log);
    // Import jobs a previous process left 'running' are failed with a reason, not shown running for ever.
    const stopStuckJobs = startStuckJobSweep(handle.db, app.log);
    // A place held for someone promoted from a waiting list passes on when its time is up.
    const stopHolds = startHoldSweeper(handle.db, SYSTEM_ACTOR, app.log);
    const address = await app.listen({ port: config.port, host: config.host });
    const port = (app.server.address() as { port: number }).port;
    const url =
      config.publicUrl ??
      (address.includes('[') || config.host === 'localhost' ? `http://localhost:${port}` : address);
    let closed = false;
    return {
      app,
      url,
      close: async () => {
        if (closed) return;
        closed = true;
        await app.close();
        await stopMail();
        await stopAssurance();
        await stopStuckJobs();
        await stopHolds();
        await closeNetworkMetricsWorkers();
        await handle.close();
        release();
      },
    };
  } catch (err) {
    await handle.close();
    release();
    throw err;
  }
}
