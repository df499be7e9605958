import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { citizenKey, notifyWaSend, type OutboundMessage } from '@pandawa/contracts';
import { callerMetadata, createClient, loadProto, type CaseProto } from '@pandawa/grpc';
import { probeHealth } from '@pandawa/lifecycle';
import {
  connectTestBus,
  testCallerSigner,
  testDbName,
  testNamespace,
  waitFor,
  type TestBus,
} from '@pandawa/testing';
import { freePort, startService, type ServiceProcess } from '../../../support/service-process.js';

/**
 * The whole citizen path as `npm run dev` wires it, each service its own process: the wa-sandbox
 * plays the citizen, the gateway takes the signed webhook into WA_IN, the conversation service
 * answers on `notify.wa.send` (read here until the notification service takes it), calling the
 * case service and document-storage over gRPC. Real NATS and FerretDB underneath.
 */
export type Command = ReturnType<typeof notifyWaSend.schema.parse>;

export const OFFICE = 'pekanbaru';
/** Open every hour of every day: replies do not depend on when the test runs. */
const ALWAYS_OPEN = 'sun-sat 00:00-24:00';
/** Generous: a loaded 2-core machine runs five services and FerretDB at once. */
export const REPLY_DEADLINE_MS = 60_000;

export type CaseClient = InstanceType<CaseProto['pandawa']['case']['v1']['CaseService']>;

/** Call options of an officer of OFFICE, for `cases` (the gateway's calls carry one so). */
export const asOfficer = {
  deadlineMs: 20_000,
  metadata: callerMetadata({ id: 'officer-1', role: 'officer', officeId: OFFICE }),
};

/**
 * Fresh citizen phone numbers for one test file: `first` plus a random block, so that runs
 * (and files) do not meet each other's citizens.
 */
export function phoneSequence(first: number): () => string {
  let next = first + Math.floor(Math.random() * 1_000_000) * 100;
  return () => String(next++);
}

/** The tracking code a citizen was told, if any. */
export const trackingCodeIn = (replies: string[]) =>
  /PDW-[A-Z0-9]{6}/.exec(replies.join('\n'))?.[0];

export interface JourneySystem {
  bus: TestBus;
  sandboxUrl: string;
  caseAddr: string;
  /** The case service, signed as the gateway signs an officer's calls (architecture §4). */
  cases: CaseClient;
  services: Record<'sandbox' | 'gateway' | 'case' | 'document' | 'conversation', ServiceProcess>;
  /** Every `notify.wa.send` command seen so far, in stream order. */
  commands: Command[];
  /** A phone citizen, or with a BSUID (and a username) one WhatsApp knows only by that. */
  citizen(waId: string, profileName?: string, username?: string): Citizen;
  /** Starts the conversation service again (after a kill) with the same settings. */
  restartConversation(): Promise<void>;
  stop(): Promise<void>;
}

/** The text a citizen reads in a command: the body of a text, list or buttons message. */
export function textOf(message: OutboundMessage): string {
  switch (message.kind) {
    case 'text':
      return message.text;
    case 'list':
    case 'buttons':
      return message.body;
    default:
      return `(${message.kind})`;
  }
}

export class Citizen {
  constructor(
    private readonly system: JourneySystem,
    readonly waId: string,
    private readonly profileName: string,
    private readonly username?: string,
  ) {}

  /** Sends any sandbox citizen message; resolves with its wamid. */
  async send(message: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${this.system.sandboxUrl}/sandbox/citizens/${this.waId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        profileName: this.profileName,
        ...(this.username ? { username: this.username } : {}),
        message,
      }),
    });
    if (res.status !== 201) throw new Error(`sandbox refused the message: ${res.status}`);
    return ((await res.json()) as { messageId: string }).messageId;
  }

  /** The replies to one inbound message, once all of them are there (ids say `i/n`). */
  async repliesTo(wamid: string): Promise<OutboundMessage[]> {
    const found = await waitFor(
      () => {
        const mine = this.system.commands.filter(
          (c) => c.id.startsWith(`${wamid}:`) && /:\d+\/\d+$/.test(c.id),
        );
        if (mine.length === 0) return null;
        const total = Number(mine[0]!.id.split('/').at(-1));
        const unique = new Map(mine.map((c) => [c.id, c]));
        return unique.size >= total ? [...unique.values()] : null;
      },
      REPLY_DEADLINE_MS,
      `the bot's replies to ${wamid}`,
    );
    return found
      .sort(
        (a, b) =>
          Number(a.id.split(':').at(-1)!.split('/')[0]) -
          Number(b.id.split(':').at(-1)!.split('/')[0]),
      )
      .map((c) => c.data.message);
  }

  /** Says something and returns what the bot answered, as the citizen reads it. */
  async says(text: string): Promise<string[]> {
    return (await this.repliesTo(await this.send({ type: 'text', text }))).map(textOf);
  }

  async taps(id: string, title: string, kind: 'list_reply' | 'button_reply' = 'list_reply') {
    return (await this.repliesTo(await this.send({ type: kind, id, title }))).map(textOf);
  }

  async sendsFile(bytes: Buffer, mimeType: string, type: 'image' | 'document' = 'image') {
    const wamid = await this.send({ type, dataBase64: bytes.toString('base64'), mimeType });
    return (await this.repliesTo(wamid)).map(textOf);
  }
}

export async function startJourneySystem(
  options: { conversationEnv?: Record<string, string> } = {},
): Promise<JourneySystem> {
  const namespace = testNamespace();
  const bus = await connectTestBus(process.env.NATS_URL!, namespace);
  const gatewayPort = await freePort();
  const sandboxPort = await freePort();
  const casePort = await freePort();
  const documentPort = await freePort();
  const healthPort = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const common = {
    NATS_URL: process.env.NATS_URL!,
    MONGO_URL: process.env.MONGO_URL!,
    NATS_NAMESPACE: namespace,
  };
  const conversationEnv = {
    ...common,
    MONGO_DB: testDbName(namespace, 'conversation'),
    HEALTH_PORT: String(healthPort),
    CASE_ADDR: `127.0.0.1:${casePort}`,
    DOCUMENT_ADDR: `127.0.0.1:${documentPort}`,
    SERVICE_HOURS: ALWAYS_OPEN,
    GRPC_DEADLINE_MS: '20000',
    ...options.conversationEnv,
  };
  const services = {
    sandbox: startService('wa-sandbox', {
      WA_SANDBOX_PORT: String(sandboxPort),
      WA_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${gatewayPort}/webhooks/whatsapp`,
    }),
    gateway: startService('gateway', {
      ...common,
      MONGO_DB: testDbName(namespace, 'gateway'),
      GATEWAY_PORT: String(gatewayPort),
    }),
    case: startService('case', {
      ...common,
      MONGO_DB: testDbName(namespace, 'case'),
      CASE_PORT: String(casePort),
      SERVICE_HOURS: ALWAYS_OPEN,
    }),
    document: startService('document-storage', {
      ...common,
      MONGO_DB: testDbName(namespace, 'document'),
      DOCUMENT_PORT: String(documentPort),
      WHATSAPP_API_URL: sandboxUrl,
    }),
    conversation: startService('conversation', conversationEnv),
  };

  // notify.wa.send is a work queue: this test is its only reader until notification lands.
  const commands: Command[] = [];
  const stream = bus.topology.streams.NOTIFY.name;
  await bus.jsm.consumers.add(stream, {
    durable_name: 'journey-test',
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
  });
  const consumer = await bus.js.consumers.get(stream, 'journey-test');
  const messages = await consumer.consume({ max_messages: 256 });
  const reading = (async () => {
    for await (const m of messages) {
      commands.push(notifyWaSend.schema.parse(m.json()));
      m.ack();
    }
  })();

  const started = Date.now();
  const ready = async (port: number, kind: 'http' | 'grpc', path = '/readyz') => {
    await waitFor(
      () => probeHealth(kind === 'http' ? { kind, port, path } : { kind, port }),
      150_000,
      `service on ${port}`,
    );
    if (process.env.JOURNEY_DEBUG) console.log(`ready ${port} after ${Date.now() - started} ms`);
  };
  try {
    await Promise.all([
      ready(gatewayPort, 'http'),
      ready(sandboxPort, 'http', '/healthz'),
      ready(casePort, 'grpc'),
      ready(documentPort, 'grpc'),
      ready(healthPort, 'http'),
    ]);
  } catch (error) {
    for (const [name, s] of Object.entries(services))
      console.error(`--- ${name}\n${s.output.join('').slice(-3000)}`);
    throw error;
  }

  const Case = loadProto<CaseProto>('pandawa/case/v1/case.proto').pandawa.case.v1.CaseService;
  const cases = createClient(Case, `127.0.0.1:${casePort}`, { signer: testCallerSigner() });
  const system: JourneySystem = {
    bus,
    sandboxUrl,
    caseAddr: `127.0.0.1:${casePort}`,
    cases,
    services,
    commands,
    citizen: (waId, profileName = 'Warga Pekanbaru', username) =>
      new Citizen(system, waId, profileName, username),
    async restartConversation() {
      services.conversation = startService('conversation', conversationEnv);
      await ready(healthPort, 'http');
    },
    async stop() {
      cases.close();
      for (const s of Object.values(services)) s.child.kill('SIGTERM');
      await Promise.all(Object.values(services).map((s) => s.exited));
      await messages.close();
      await reading;
      await bus.close();
    },
  };
  return system;
}

/** Commands addressed to one citizen, in the order they were published. */
export function commandsTo(system: JourneySystem, waId: string): Command[] {
  return system.commands.filter((c) => citizenKey(c.data.to) === waId);
}
