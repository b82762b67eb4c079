import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from './db/index.ts';
import { createTestDb, type TestDb, testEngines } from './db/testing.ts';
import { deliverDue, MAX_ATTEMPTS, type MailTransport, queueMail } from './outbox.ts';

describe.each(testEngines())('mail outbox on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(() => t.destroy());

  const mail = (to: string, sendAfter?: Date) => ({
    networkId: null,
    to,
    subject: 'Uitnodiging',
    text: 'Beste partner, …',
    kind: 'test',
    ...(sendAfter ? { sendAfter } : {}),
  });
  const status = async (to: string) =>
    await t.db
      .selectFrom('outbox')
      .select(['status', 'attempts'])
      .where('to_address', '=', to)
      .executeTakeFirstOrThrow();

  it('keeps no mail of a change that rolled back', async () => {
    await expect(
      inTransaction(t.db, async (trx) => {
        await queueMail(trx, mail('rollback@example.org'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(
      await t.db.selectFrom('outbox').selectAll().where('to_address', '=', 'rollback@example.org').execute(),
    ).toEqual([]);
  });

  it('sends due mail once, holds mail that is not due yet, and captures mail without SMTP', async () => {
    const sent: string[] = [];
    const transport: MailTransport = async (m) => {
      sent.push(m.to);
    };
    await queueMail(t.db, mail('a@example.org'));
    await queueMail(t.db, mail('later@example.org', new Date(Date.now() + 3_600_000)));
    expect((await deliverDue(t.db, transport, 'Knooppunt <x@y.z>')).sent).toBe(1);
    expect((await deliverDue(t.db, transport, 'Knooppunt <x@y.z>')).sent).toBe(0);
    expect(sent).toEqual(['a@example.org']);
    expect(await status('later@example.org')).toEqual({ status: 'pending', attempts: 0 });

    await queueMail(t.db, mail('dev@example.org'));
    expect((await deliverDue(t.db, null, 'x')).captured).toBe(1);
    expect((await status('dev@example.org')).status).toBe('captured');
  });

  it('retries a failing server with back-off and gives up after the last attempt', async () => {
    const failing: MailTransport = async () => {
      throw new Error('connection refused');
    };
    await queueMail(t.db, mail('down@example.org'));
    await deliverDue(t.db, failing, 'x');
    expect(await status('down@example.org')).toEqual({ status: 'pending', attempts: 1 });
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      // Make the retry due now instead of waiting for the back-off.
      await t.db
        .updateTable('outbox')
        .set({ send_after: new Date(0).toISOString() })
        .where('to_address', '=', 'down@example.org')
        .execute();
      await deliverDue(t.db, failing, 'x');
    }
    expect(await status('down@example.org')).toEqual({ status: 'failed', attempts: MAX_ATTEMPTS });
  });
});
