import type { OutboundMessage } from '@pandawa/contracts';
import { describe, expect, it } from 'vitest';
import { trackingCodeIn } from '../src/domain/citizen-choices.js';
import type { CitizenInput } from '../src/domain/citizen-input.js';
import {
  advance,
  initialState,
  type FlowContext,
  type FlowResult,
  type FlowState,
} from '../src/domain/intake.machine.js';
import { regionCodesFrom } from '../src/domain/region-codes.js';

const ctx: FlowContext = {
  regions: regionCodesFrom(['14'], ['14.71']),
  today: new Date(Date.UTC(2026, 11, 1)),
  maxDocuments: 5,
  descriptionMaxChars: 2000,
};
const say = (text: string): CitizenInput => ({ kind: 'text', text });
const tap = (id: string): CitizenInput => ({ kind: 'choice', id, title: id });
const photo = (documentId: string): CitizenInput => ({ kind: 'document', documentId });

const bodyOf = (m: OutboundMessage) =>
  m.kind === 'text' ? m.text : m.kind === 'list' || m.kind === 'buttons' ? m.body : m.kind;

/** Plays a conversation through the machine; returns every step's result. */
function play(inputs: CitizenInput[], from: FlowState = initialState()): FlowResult[] {
  const results: FlowResult[] = [];
  let state = from;
  for (const input of inputs) {
    const r = advance(state, input, ctx);
    results.push(r);
    state = r.state;
  }
  return results;
}

const toSummary = [
  say('1'),
  say('1'),
  say('NIK: 1471 0155 0190 0003'),
  say('1471010101200001'),
  say('Siti Aminah'),
  say('Ditolak di bank karena NIK tidak aktif'),
  photo('doc-kk'),
  say('SELESAI'),
];

describe('the intake flow', () => {
  it('walks menu → category → NIK → KK → name → description → KK photo → summary → Kirim', () => {
    const results = play([...toSummary, tap('summary.send')]);
    const summary = results[7]!;
    expect(summary.state.step).toBe('summary');
    expect(bodyOf(summary.replies[0]!)).toContain('NIK: 1471********0003');
    expect(bodyOf(summary.replies[0]!)).not.toContain('1471015501900003');
    const sent = results[8]!;
    expect(sent.action).toMatchObject({
      type: 'open_case',
      intakeSeq: 0,
      answers: {
        category: 'NIK_TIDAK_AKTIF',
        nik: '1471015501900003',
        kkNumber: '1471010101200001',
        name: 'Siti Aminah',
        kkDocumentId: 'doc-kk',
      },
    });
    expect(sent.state).toMatchObject({ step: 'menu', intakeSeq: 1 });
  });

  it('re-asks a bad NIK with its reason and never echoes it', () => {
    const [, , bad] = play([say('1'), say('2'), say('1471 0155 0190 000')]);
    expect(bad!.state.step).toBe('nik');
    expect(bodyOf(bad!.replies[0]!)).toContain('NIK harus 16 angka (yang Anda kirim 15 angka)');
    const [, , date] = play([say('1'), say('2'), say('1471013204900003')]);
    expect(bodyOf(date!.replies[0]!)).toContain('tanggal lahir pada NIK tidak valid');
  });

  it('Ubah fixes one answer and comes back to the summary', () => {
    const results = play([...toSummary, tap('summary.edit'), say('4'), say('Siti Aminah Putri')]);
    const back = results.at(-1)!;
    expect(back.state).toMatchObject({ step: 'summary', editing: false });
    expect(back.state.answers.name).toBe('Siti Aminah Putri');
    expect(back.state.answers.nik).toBe('1471015501900003');
    expect(bodyOf(back.replies[0]!)).toContain('Nama: Siti Aminah Putri');
  });

  it('takes menu, batal, status and petugas at every step, in any case and with punctuation', () => {
    for (let n = 1; n <= toSummary.length; n++) {
      const state = play(toSummary.slice(0, n)).at(-1)!.state;
      expect(advance(state, say('  MENU!! '), ctx).state.step).toBe('menu');
      const cancelled = advance(state, say('Batal.'), ctx);
      expect(cancelled.state.step).toBe('menu');
      expect(cancelled.state.answers.nik).toBeUndefined();
      const status = advance(state, say('status?'), ctx);
      expect(status.action).toEqual({ type: 'show_status' });
      expect(status.state).toEqual(state);
      expect(advance(state, say('Petugas'), ctx).action).toEqual({ type: 'handoff' });
    }
  });

  it('keeps a photo sent at a text step and asks the question again; text at the photo step says what is needed', () => {
    const [, , , kept] = play([say('1'), say('1'), say('1471015501900003'), photo('doc-x')]);
    expect(kept!.state.answers.documentIds).toEqual(['doc-x']);
    expect(kept!.replies.map(bodyOf).join('\n')).toContain('Nomor Kartu Keluarga');
    const atPhoto = play(toSummary.slice(0, 6)).at(-1)!.state;
    expect(bodyOf(advance(atPhoto, say('sudah saya kirim'), ctx).replies[0]!)).toContain(
      'Foto Kartu Keluarga wajib',
    );
  });

  it('answers stickers, locations and unknown types politely without losing the place', () => {
    const state = play(toSummary.slice(0, 2)).at(-1)!.state;
    const r = advance(state, { kind: 'unsupported', type: 'sticker' }, ctx);
    expect(r.state).toEqual(state);
    expect(bodyOf(r.replies[0]!)).toContain('stiker');
  });

  it('reads tracking codes typed in any case', () => {
    expect(trackingCodeIn('pdw-7k3m9q')).toBe('PDW-7K3M9Q');
    expect(trackingCodeIn('PDW 7K3M9Q')).toBe('PDW-7K3M9Q');
    expect(trackingCodeIn('halo')).toBeUndefined();
  });
});
