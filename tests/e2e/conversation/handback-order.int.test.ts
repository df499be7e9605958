import { callUnary } from '@pandawa/grpc';
import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asOfficer,
  OFFICE,
  phoneSequence,
  REPLY_DEADLINE_MS,
  startJourneySystem,
  textOf,
  trackingCodeIn,
  type CaseClient,
  type JourneySystem,
} from './support/journey-system.js';

// Transcripts end to end (sandbox → gateway → NATS → conversation → case): an officer hands the
// conversation back to the bot while the case stays open; one citizen's messages are answered in
// the order they were sent, whatever order they reached the stream in (architecture §6.1).
let system: JourneySystem;
let officer: CaseClient;

const newPhone = phoneSequence(6281300000000);

beforeAll(async () => {
  system = await startJourneySystem();
  officer = system.cases;
}, 240_000);

afterAll(async () => {
  await system?.stop();
}, 60_000);

describe('an officer hands the conversation back to the bot', () => {
  it('petugas → the bot is quiet → the officer hands back → the citizen writes → the bot answers again', async () => {
    const citizen = system.citizen(newPhone());
    await citizen.says('halo');
    const handed = await citizen.says('petugas');
    expect(handed[0]).toContain('pesan Anda kami teruskan kepada petugas');
    const code = trackingCodeIn(handed)!;
    const waiting = await callUnary(
      officer,
      officer.listCases,
      { officeId: OFFICE, awaitingOfficer: true, pageSize: 100 },
      asOfficer,
    );
    const handedCase = waiting.cases.find((c) => c.trackingCode === code)!;
    expect(handedCase.handoff?.active).toBe(true);

    // While the officer has it, the citizen's words go to the case without a bot reply.
    const quiet = await citizen.send({ type: 'text', text: 'Pak, NIK saya diblokir' });
    await waitFor(
      async () => {
        const c = await callUnary(
          officer,
          officer.getCase,
          { officeId: OFFICE, id: handedCase.id },
          asOfficer,
        );
        return c.messages.some((m) => m.text === 'Pak, NIK saya diblokir');
      },
      REPLY_DEADLINE_MS,
      'the citizen message on the case',
    );
    const back = await callUnary(
      officer,
      officer.handBackToBot,
      { officeId: OFFICE, caseId: handedCase.id },
      asOfficer,
    );
    expect(back.handoff?.active).toBe(false);
    expect(back.status).toBe('BARU');

    const status = await citizen.says('status');
    expect(status[0]).toContain(`Petugas telah selesai menangani percakapan pengaduan ${code}`);
    expect(status.join('\n')).toContain(code);
    // Free text goes to the open case again, acknowledged by the bot.
    expect(await citizen.says('Terima kasih, Pak')).toEqual([
      expect.stringContaining(`sudah kami teruskan ke pengaduan ${code}`),
    ]);
    expect(
      system.commands.filter(
        (c) => c.id.startsWith(`${quiet}:`) && c.data.purpose === 'conversation.reply',
      ),
    ).toEqual([]);
    // Asking again hands it to officers again: the bot is quiet once more.
    expect((await citizen.says('petugas'))[0]).toContain('kami teruskan kepada petugas');
    const again = await callUnary(
      officer,
      officer.getCase,
      { officeId: OFFICE, id: handedCase.id },
      asOfficer,
    );
    expect(again.handoff?.active).toBe(true);
  });
});

describe("one citizen's messages", () => {
  it('are answered in the order sent (WhatsApp timestamp), not the order they reached the stream', async () => {
    const citizen = system.citizen(newPhone());
    await citizen.says('halo');
    // Held back: the next two wait in WA_IN until the conversation service is back.
    system.services.conversation.child.kill('SIGTERM');
    await system.services.conversation.exited;
    const sentAt = Math.floor(Date.now() / 1000);
    // Reaches the stream first, but was sent a second later.
    const later = await citizen.send({
      type: 'raw',
      message: { type: 'text', text: { body: '2' }, timestamp: String(sentAt) },
    });
    const earlier = await citizen.send({
      type: 'raw',
      message: { type: 'text', text: { body: '1' }, timestamp: String(sentAt - 1) },
    });
    const stream = system.bus.topology.streams.WA_IN.name;
    await waitFor(
      async () => {
        const seen: string[] = [];
        const last = (await system.bus.jsm.streams.info(stream)).state.last_seq;
        for (let seq = last; seq > 0 && seen.length < 2; seq--) {
          const m = await system.bus.jsm.streams.getMessage(stream, { seq }).catch(() => null);
          const id = m?.json<{ data: { messageId?: string } }>().data.messageId;
          if (id === later || id === earlier) seen.push(id);
        }
        return seen.length === 2 && seen[0] === earlier ? seen : null;
      },
      REPLY_DEADLINE_MS,
      'both messages in WA_IN, the later-sent one first',
    );
    await system.restartConversation();

    // "1" at the menu starts a complaint; "2" then picks the second category.
    const first = (await citizen.repliesTo(earlier)).map(textOf);
    const second = (await citizen.repliesTo(later)).map(textOf);
    expect(first).toEqual([expect.stringContaining('Apa masalah')]);
    expect(second).toEqual([expect.stringContaining('Ketik NIK Anda')]);
    const order = system.commands
      .filter((c) => c.data.purpose === 'conversation.reply')
      .map((c) => c.id.split(':')[0])
      .filter((id) => id === earlier || id === later);
    expect(order[0]).toBe(earlier);
    expect(order.at(-1)).toBe(later);
  });
});
