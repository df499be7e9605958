import type { JourneySystem, Command } from './journey-system.js';
import { textOf } from './journey-system.js';

/**
 * A burst of citizens' messages published straight into WA_IN, as the gateway would, each one
 * twice under different `Nats-Msg-Id`s (as if Meta retried after every duplicate window), the
 * deliveries shuffled across citizens but each citizen's in the order sent. Every citizen walks
 * the same ten steps, whose replies depend on the step before: a message handled twice, or out
 * of order, changes what the bot says next.
 */
export const SCRIPT: Array<{ text: string; replies: string[] }> = [
  { text: 'halo', replies: ['Selamat datang', 'Silakan pilih layanan'] },
  { text: '1', replies: ['Apa masalah'] },
  { text: '2', replies: ['Ketik NIK Anda'] },
  { text: '1471015501900003', replies: ['Nomor Kartu Keluarga'] },
  { text: '1471010101200001', replies: ['nama lengkap'] },
  { text: 'Budi Santoso', replies: ['Ceritakan masalah'] },
  { text: 'Data saya ganda di dua kecamatan', replies: ['Kirim foto Kartu Keluarga'] },
  { text: 'status', replies: ['belum memiliki pengaduan', 'Kirim foto Kartu Keluarga'] },
  { text: 'menu', replies: ['Silakan pilih layanan'] },
  { text: '3', replies: ['Info layanan'] },
];

export interface Delivery {
  citizen: string;
  step: number;
  wamid: string;
  copy: 1 | 2;
}

/** 100 citizens × 10 messages × 2 copies, shuffled across citizens with a seeded generator. */
export function burst(citizens: number, seed: number, run: string): Delivery[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const queues: Delivery[][] = [];
  for (let c = 0; c < citizens; c++) {
    const citizen = String(6281300000000 + seed * 1000 + c);
    const queue: Delivery[] = SCRIPT.map((_, step) => ({
      citizen,
      step,
      wamid: `wamid.${run}.${c}.${step}`,
      copy: 1 as const,
    }));
    // Each second copy comes right after its first, or a message or two later.
    for (let step = 0; step < SCRIPT.length; step++) {
      const first = queue.findIndex((d) => d.step === step && d.copy === 1);
      const at = Math.min(queue.length, first + 1 + Math.floor(random() * 3));
      queue.splice(at, 0, { ...queue[first]!, copy: 2 });
    }
    queues.push(queue);
  }
  const out: Delivery[] = [];
  while (queues.some((q) => q.length)) {
    const open = queues.filter((q) => q.length);
    out.push(open[Math.floor(random() * open.length)]!.shift()!);
  }
  return out;
}

export async function publishDelivery(system: JourneySystem, d: Delivery, sentAt: number) {
  const envelope = {
    id: d.wamid,
    type: 'wa.in.message',
    version: 2,
    occurredAt: new Date(sentAt).toISOString(),
    officeId: 'pekanbaru',
    data: {
      phoneNumberId: '100000000000001',
      citizen: { phone: d.citizen },
      profileName: 'Warga',
      messageId: d.wamid,
      messageType: 'text',
      timestamp: String(Math.floor(sentAt / 1000)),
      message: {
        from: d.citizen,
        id: d.wamid,
        timestamp: String(Math.floor(sentAt / 1000)),
        type: 'text',
        text: { body: SCRIPT[d.step]!.text },
      },
    },
  };
  await system.bus.js.publish(system.bus.topology.subjects.waInMessage, JSON.stringify(envelope), {
    msgID: `${d.wamid}#${d.copy}`,
  });
}

/** Replies (not read receipts) per citizen, in the order they reached notify.wa.send. */
export function repliesByCitizen(commands: Command[]): Map<string, Command[]> {
  const out = new Map<string, Command[]>();
  for (const c of commands) {
    if (c.data.purpose !== 'conversation.reply') continue;
    const key = c.data.to.phone ?? c.data.to.bsuid!;
    out.set(key, [...(out.get(key) ?? []), c]);
  }
  return out;
}

/** What went wrong for one citizen, or undefined when the transcript is exactly the script. */
export function transcriptProblem(replies: Command[], run: string, c: number): string | undefined {
  const expected = SCRIPT.flatMap((s, step) =>
    s.replies.map((fragment, i) => ({
      id: `wamid.${run}.${c}.${step}:${i + 1}/${s.replies.length}`,
      fragment,
    })),
  );
  if (replies.length !== expected.length)
    return `citizen ${c}: ${replies.length} replies, expected ${expected.length}: ${replies.map((r) => r.id).join(' ')}`;
  for (const [i, e] of expected.entries()) {
    const got = replies[i]!;
    if (got.id !== e.id) return `citizen ${c}: reply ${i} is ${got.id}, expected ${e.id}`;
    if (!textOf(got.data.message).includes(e.fragment))
      return `citizen ${c}: reply ${i} says "${textOf(got.data.message).slice(0, 60)}", expected "${e.fragment}"`;
  }
  return undefined;
}
