import { AppError } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';
import {
  followStream,
  streamLastSequence,
  type FollowerHandle,
  type JetStreamClient,
  type JetStreamManager,
} from '@pandawa/nats';
import { caseChangeOf } from '../../domain/case-change.js';
import type { Officer } from '../../http/admin/authenticate.js';
import type { AccountRepository } from '../../store/accounts/account.repository.js';

/** Where a stream writes: the HTTP response, as far as this module needs it. */
export interface StreamSink {
  write(chunk: string): boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  end(): void;
}

export interface CaseStreamSettings {
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** CASE_EVENTS' name and its subjects (`case.events.>` in the namespace). */
  stream: string;
  subjects: string[];
  accounts: Pick<AccountRepository, 'byId'>;
  logger: Logger;
  /** Streams one account may hold open at once (per gateway instance). */
  maxPerAccount: number;
  /** A comment line this often keeps proxies from closing an idle stream; the account is re-read. */
  heartbeatMs: number;
  /** Resuming further back than this many stream messages sends `reset` instead of replaying. */
  maxReplay: number;
}

interface OpenStream {
  close(): void;
}

/**
 * The office's live stream of case changes (server-sent events, issue 14). Each stream follows
 * CASE_EVENTS with its own ordered consumer, from the newest message or, given `Last-Event-ID`
 * (a stream sequence this API sent), from just after it; events of other offices are skipped.
 * A stream ends when its access token expires (the console reconnects with a fresh token and
 * the last id, losing nothing), when the account is disabled (checked at each heartbeat), when
 * the client goes, and at shutdown.
 */
export class CaseStreams {
  private readonly open = new Map<string, Set<OpenStream>>();

  constructor(private readonly settings: CaseStreamSettings) {}

  /** Claims a slot for the account, or refuses: RESOURCE_EXHAUSTED (429). */
  private claim(accountId: string, stream: OpenStream): () => void {
    const held = this.open.get(accountId) ?? new Set<OpenStream>();
    if (held.size >= this.settings.maxPerAccount)
      throw new AppError(
        'RESOURCE_EXHAUSTED',
        `at most ${this.settings.maxPerAccount} live streams per account; close one first`,
        { reason: 'STREAMS_EXHAUSTED' },
      );
    held.add(stream);
    this.open.set(accountId, held);
    return () => {
      held.delete(stream);
      if (held.size === 0) this.open.delete(accountId);
    };
  }

  /**
   * Serves one stream until it ends. `expiresAtMs`: the access token's expiry. `lastEventId`:
   * the client's `Last-Event-ID`, already checked to be digits.
   */
  async serve(
    officer: Officer,
    expiresAtMs: number,
    lastEventId: number | undefined,
    sink: StreamSink,
    onOpen: () => void,
  ): Promise<void> {
    const { settings } = this;
    let ended = false;
    let opened = false;
    let follower: FollowerHandle | undefined;
    let heartbeat: NodeJS.Timeout | undefined;
    let expiry: NodeJS.Timeout | undefined;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const stream: OpenStream = { close: () => end('closed') };
    const release = this.claim(officer.accountId, stream);
    const end = (why: string) => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      release();
      settings.logger.debug({ accountId: officer.accountId, why }, 'case stream ended');
      void (follower?.stop() ?? Promise.resolve())
        .catch(() => undefined)
        .finally(() => {
          // Before the response began, the error handler answers instead.
          if (opened) sink.end();
          done();
        });
    };
    let last: number;
    try {
      last = await streamLastSequence(settings.jsm, settings.stream);
    } catch (error) {
      end('stream unavailable');
      settings.logger.warn({ err: error }, 'CASE_EVENTS unavailable for a live stream');
      throw new AppError('UNAVAILABLE', 'the live stream is briefly unavailable; try again', {
        reason: 'STREAM_UNAVAILABLE',
      });
    }
    try {
      let start = last + 1;
      const send = (text: string) => (ended ? true : sink.write(text));
      onOpen();
      opened = true;
      if (lastEventId !== undefined) {
        if (lastEventId <= last && last - lastEventId <= settings.maxReplay)
          start = lastEventId + 1;
        // Too far back (or an id from another stream): the console refetches what it shows.
        else send(`event: reset\ndata: {}\n\n`);
      }
      sink.once('close', () => end('client gone'));
      expiry = setTimeout(() => end('token expired'), Math.max(0, expiresAtMs - Date.now()));
      heartbeat = setInterval(() => {
        send(`: heartbeat\n\n`);
        settings.accounts.byId(officer.accountId).then(
          (account) => {
            if (!account || account.disabled) end('account disabled');
          },
          () => undefined, // the store is briefly away: the token's expiry still ends it
        );
      }, settings.heartbeatMs);
      follower = await followStream({
        js: settings.js,
        stream: settings.stream,
        filterSubjects: settings.subjects,
        startSequence: start,
        logger: settings.logger,
        handler: async (envelope, seq) => {
          if (ended || envelope.officeId !== officer.officeId) return;
          const change = caseChangeOf(envelope);
          if (!change) return;
          if (!send(`id: ${seq}\nevent: case\ndata: ${JSON.stringify(change)}\n\n`))
            await new Promise<void>((resolve) => sink.once('drain', resolve));
        },
      });
      if (ended) await follower.stop();
    } catch (error) {
      // The response has begun: the client sees the stream end and reconnects with its last id.
      settings.logger.warn({ err: error }, 'live stream failed');
      end('failed');
    }
    await finished;
  }

  /** Ends every stream (shutdown: before the HTTP server waits for its connections). */
  closeAll(): void {
    for (const held of [...this.open.values()]) for (const s of [...held]) s.close();
  }
}
