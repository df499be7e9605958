/**
 * Streams and subjects of architecture §3, in one place. A namespace prefixes every stream name and
 * subject so that tests (each with its own namespace) share one server without seeing each
 * other's messages; production runs with the empty namespace.
 */
export interface StreamSpec {
  name: string;
  subjects: string[];
  retention: 'limits' | 'workqueue';
  maxAgeMs: number;
  /** JetStream drops a second publish with the same `Nats-Msg-Id` inside this window. */
  duplicateWindowMs: number;
}

const DAY = 24 * 60 * 60 * 1000;
const DUPLICATE_WINDOW = 2 * 60 * 1000;

export function topology(namespace = '') {
  const subject = (s: string) => (namespace ? `${namespace}.${s}` : s);
  const stream = (s: string) => (namespace ? `${namespace.replace(/-/g, '_')}_${s}` : s);
  const bucket = (b: string) =>
    namespace ? `${namespace.replace(/[^a-zA-Z0-9_-]/g, '_')}_${b}` : b;

  const subjects = {
    waInMessage: subject('wa.in.message'),
    waInStatus: subject('wa.in.status'),
    waInUnhandled: subject('wa.in.unhandled'),
    waInIdentityChanged: subject('wa.in.identity_changed'),
    notifySend: subject('notify.wa.send'),
    notifyResult: subject('notify.wa.result'),
    notifyAlert: subject('notify.wa.alert'),
    caseEvent: (type: string) => subject(`case.events.${type}`),
    caseEventsAll: subject('case.events.>'),
    deadLetter: (streamName: string, consumer: string) =>
      subject(`deadletter.${streamName}.${consumer}`),
    deadLetterAll: subject('deadletter.>'),
  };

  const streams = {
    WA_IN: {
      name: stream('WA_IN'),
      subjects: [
        subjects.waInMessage,
        subjects.waInStatus,
        subjects.waInUnhandled,
        subjects.waInIdentityChanged,
      ],
      retention: 'limits',
      maxAgeMs: 7 * DAY,
      duplicateWindowMs: DUPLICATE_WINDOW,
    },
    // One outbound message per command; a work queue removes it once notification acks it.
    NOTIFY: {
      name: stream('NOTIFY'),
      subjects: [subjects.notifySend],
      retention: 'workqueue',
      maxAgeMs: 7 * DAY,
      duplicateWindowMs: DUPLICATE_WINDOW,
    },
    // Results of sends are facts several parties read, so they are kept (limits), apart from
    // the work queue (a stream has one retention policy).
    NOTIFY_RESULT: {
      name: stream('NOTIFY_RESULT'),
      subjects: [subjects.notifyResult, subjects.notifyAlert],
      retention: 'limits',
      maxAgeMs: 30 * DAY,
      duplicateWindowMs: DUPLICATE_WINDOW,
    },
    CASE_EVENTS: {
      name: stream('CASE_EVENTS'),
      subjects: [subjects.caseEventsAll],
      retention: 'limits',
      maxAgeMs: 90 * DAY,
      duplicateWindowMs: DUPLICATE_WINDOW,
    },
    // Poison messages, kept for people to inspect and replay.
    DEAD_LETTER: {
      name: stream('DEAD_LETTER'),
      subjects: [subjects.deadLetterAll],
      retention: 'limits',
      maxAgeMs: 30 * DAY,
      duplicateWindowMs: DUPLICATE_WINDOW,
    },
  } satisfies Record<string, StreamSpec>;

  /** NATS KV buckets several services share (architecture §3.2). */
  const buckets = {
    /** One key per office: the admin API writes, every service reads (office-settings.ts). */
    officeSettings: bucket('office_settings'),
  };

  return { namespace, subjects, streams, buckets };
}

export type Topology = ReturnType<typeof topology>;
