import type { OutboundMessage } from '@pandawa/contracts';
import { CATEGORY_ROWS, EDIT_ROWS, MENU_ROWS, messages, SUMMARY_BUTTONS } from '../messages.id.js';
import type { CaseCategory } from './categories.js';
import { CATEGORY_ALIASES, MENU_ALIASES, pick, trackingCodeIn } from './citizen-choices.js';
import { globalWordOf, normalizeWords, type CitizenInput } from './citizen-input.js';
import { checkKk, checkNik, maskNumber } from './population-number.js';
import type { RegionCodes } from './region-codes.js';

/**
 * The citizen's journey of architecture §6 as one explicit state machine: a pure function from
 * (state, what the citizen sent) to (next state, replies, at most one action that needs another
 * service). The application layer performs the action (open the case, look up the status, hand
 * off to an officer, attach text to the open case) and sends the replies.
 *
 *   menu ─1→ category → nik → kk → name → description → kk_photo → more_documents → summary
 *                                                                                    │
 *            ┌──────────── Ubah: edit_choice → the one answer → back to summary ─────┤
 *            │                                                  Kirim → open_case → menu
 *   menu ─2→ status · ─3→ info · ─4→ handoff (quiet until the case closes or `menu`)
 *
 * `menu`, `batal`, `status` and `petugas` work at every step.
 */
export type IntakeStep =
  | 'menu'
  | 'category'
  | 'nik'
  | 'kk'
  | 'name'
  | 'description'
  | 'kk_photo'
  | 'more_documents'
  | 'summary'
  | 'edit_choice'
  | 'handoff';

export interface IntakeAnswers {
  category?: CaseCategory;
  nik?: string;
  kkNumber?: string;
  name?: string;
  description?: string;
  /** The photo of the KK (required). */
  kkDocumentId?: string;
  /** Any other document: sent at the optional step, or at a text step (kept, step re-asked). */
  documentIds: string[];
}

export interface FlowState {
  step: IntakeStep;
  answers: IntakeAnswers;
  /** Answering Ubah: after the one answer, back to the summary. */
  editing: boolean;
  /** Numbers the intakes of this session: each has its own case idempotency key and documents. */
  intakeSeq: number;
  /** The case whose conversation is with an officer (step `handoff`). */
  handoffCaseId?: string;
}

export type FlowAction =
  | {
      type: 'open_case';
      intakeSeq: number;
      answers: Required<Omit<IntakeAnswers, 'kkDocumentId'>> & { kkDocumentId: string };
    }
  | { type: 'show_status'; trackingCode?: string }
  | { type: 'show_info' }
  | { type: 'handoff' }
  /** Text at the menu that is no command: attached to an open case, else "not understood". */
  | { type: 'free_text'; text: string }
  /** A document at the menu: attached to an open case, else kept for the next intake. */
  | { type: 'free_document'; documentId: string }
  /** Text or a document while an officer has the conversation: attached, no bot reply. */
  | { type: 'to_officer'; text: string; documentIds: string[] };

export interface FlowResult {
  state: FlowState;
  /** Sent before the action's own replies. */
  replies: OutboundMessage[];
  action?: FlowAction;
  /** Sent after the action's replies (the question of the step the citizen is still at). */
  after?: OutboundMessage[];
}

export interface FlowContext {
  regions: RegionCodes;
  today: Date;
  maxDocuments: number;
  descriptionMaxChars: number;
}

export const NAME_MIN = 3;
export const NAME_MAX = 100;
export const DESCRIPTION_MIN = 10;

export const initialState = (intakeSeq = 0): FlowState => ({
  step: 'menu',
  answers: { documentIds: [] },
  editing: false,
  intakeSeq,
});

/** True while an intake is half done: expiry and `batal` have something to throw away. */
export const inIntake = (state: FlowState) => state.step !== 'menu' && state.step !== 'handoff';

/** Back to the menu with a fresh intake; documents sent at the menu are carried over. */
const toMenu = (state: FlowState): FlowState => ({
  ...initialState(state.intakeSeq + (inIntake(state) ? 1 : 0)),
});

/** The question of a step, asked again after an interruption or a bad answer. */
export function questionOf(step: IntakeStep): OutboundMessage[] {
  switch (step) {
    case 'menu':
    case 'handoff':
      return [messages.menu()];
    case 'category':
      return [messages.askCategory()];
    case 'nik':
      return [messages.askNik()];
    case 'kk':
      return [messages.askKk()];
    case 'name':
      return [messages.askName()];
    case 'description':
      return [messages.askDescription()];
    case 'kk_photo':
      return [messages.askKkPhoto()];
    case 'more_documents':
      return [messages.moreDocumentsHint()];
    case 'summary':
      return [messages.summaryChoiceNeeded()];
    case 'edit_choice':
      return [messages.askWhatToEdit()];
  }
}

function summaryOf(answers: IntakeAnswers): OutboundMessage {
  return messages.summary({
    category: answers.category!,
    maskedNik: maskNumber(answers.nik!),
    maskedKk: maskNumber(answers.kkNumber!),
    name: answers.name!,
    description: answers.description!,
    documents: answers.documentIds.length + (answers.kkDocumentId ? 1 : 0),
  });
}

/** After an answer: the next question, or the summary when fixing one answer (Ubah). */
function next(state: FlowState, answers: IntakeAnswers, step: IntakeStep): FlowResult {
  if (state.editing) {
    return {
      state: { ...state, answers, step: 'summary', editing: false },
      replies: [summaryOf(answers)],
    };
  }
  return { state: { ...state, answers, step }, replies: questionOf(step) };
}

const stay = (state: FlowState, ...replies: OutboundMessage[]): FlowResult => ({
  state,
  replies,
});

function onGlobalWord(state: FlowState, input: CitizenInput): FlowResult | undefined {
  const word = globalWordOf(input);
  const menuChoice =
    input.kind === 'choice' ? MENU_ROWS.find((r) => r.id === input.id)?.id : undefined;
  if (word === 'menu') return { state: toMenu(state), replies: [messages.menu()] };
  if (word === 'batal') {
    const replies = inIntake(state) ? [messages.cancelled(), messages.menu()] : [messages.menu()];
    return { state: toMenu(state), replies };
  }
  if (word === 'status' || menuChoice === 'menu.status') {
    // A look at the status does not lose the citizen's place.
    return {
      state,
      replies: [],
      action: { type: 'show_status' },
      ...(inIntake(state) ? { after: questionOf(state.step) } : {}),
    };
  }
  if (word === 'petugas' || menuChoice === 'menu.officer')
    return { state: toMenu(state), replies: [], action: { type: 'handoff' } };
  if (menuChoice === 'menu.info')
    return {
      state,
      replies: [],
      action: { type: 'show_info' },
      ...(inIntake(state) ? { after: questionOf(state.step) } : {}),
    };
  if (menuChoice === 'menu.new' && state.step !== 'menu')
    return { state: { ...toMenu(state), step: 'category' }, replies: [messages.askCategory()] };
  return undefined;
}

function atMenu(state: FlowState, input: CitizenInput): FlowResult {
  if (input.kind === 'document')
    return { state, replies: [], action: { type: 'free_document', documentId: input.documentId } };
  const choice = pick(MENU_ROWS, input, MENU_ALIASES);
  if (choice?.id === 'menu.new')
    return { state: { ...state, step: 'category' }, replies: [messages.askCategory()] };
  if (choice?.id === 'menu.status') return { state, replies: [], action: { type: 'show_status' } };
  if (choice?.id === 'menu.info') return { state, replies: [], action: { type: 'show_info' } };
  if (choice?.id === 'menu.officer') return { state, replies: [], action: { type: 'handoff' } };
  if (input.kind === 'text') {
    const code = trackingCodeIn(input.text);
    if (code) return { state, replies: [], action: { type: 'show_status', trackingCode: code } };
    return { state, replies: [], action: { type: 'free_text', text: input.text } };
  }
  return stay(state, messages.notUnderstood(), messages.menu());
}

function acceptNumber(
  state: FlowState,
  input: CitizenInput,
  ctx: FlowContext,
  field: 'nik' | 'kk',
): FlowResult {
  if (input.kind !== 'text') return stay(state, ...questionOf(state.step));
  const check = (field === 'nik' ? checkNik : checkKk)(input.text, ctx.regions, ctx.today);
  if (!check.ok)
    return stay(
      state,
      messages.numberInvalid(field === 'nik' ? 'NIK' : 'Nomor KK', check.problem, check.digits),
    );
  const answers =
    field === 'nik'
      ? { ...state.answers, nik: check.value }
      : { ...state.answers, kkNumber: check.value };
  return next(state, answers, field === 'nik' ? 'kk' : 'name');
}

const EDIT_STEPS: Record<string, IntakeStep> = {
  'edit.category': 'category',
  'edit.nik': 'nik',
  'edit.kk': 'kk',
  'edit.name': 'name',
  'edit.description': 'description',
};

/** One step of the conversation. Global words first, then what the current step expects. */
export function advance(state: FlowState, input: CitizenInput, ctx: FlowContext): FlowResult {
  if (input.kind === 'unsupported')
    return stay(
      state,
      messages.unsupported(input.type),
      ...(inIntake(state) ? questionOf(state.step) : []),
    );
  const global = onGlobalWord(state, input);
  if (global) return global;
  if (input.kind === 'document_refused')
    return stay(
      state,
      messages.documentRefused(input.reason),
      ...(inIntake(state) && state.step !== 'kk_photo' && state.step !== 'more_documents'
        ? questionOf(state.step)
        : []),
    );

  const documents = state.answers.documentIds.length + (state.answers.kkDocumentId ? 1 : 0);
  if (input.kind === 'document' && state.step !== 'menu' && state.step !== 'handoff') {
    if (documents >= ctx.maxDocuments)
      return stay(state, messages.tooManyDocuments(ctx.maxDocuments));
    if (state.step === 'kk_photo')
      return {
        state: {
          ...state,
          step: 'more_documents',
          answers: { ...state.answers, kkDocumentId: input.documentId },
        },
        replies: [messages.askMoreDocuments()],
      };
    const answers = {
      ...state.answers,
      documentIds: [...state.answers.documentIds, input.documentId],
    };
    if (state.step === 'more_documents')
      return stay({ ...state, answers }, messages.documentReceived(documents + 1));
    // A photo at a text step is kept for the case, and the question asked again.
    return stay(
      { ...state, answers },
      messages.documentKeptAtTextStep(),
      ...questionOf(state.step),
    );
  }

  switch (state.step) {
    case 'menu':
      return atMenu(state, input);
    case 'handoff': {
      if (input.kind === 'document')
        return {
          state,
          replies: [],
          action: { type: 'to_officer', text: '', documentIds: [input.documentId] },
        };
      const text = input.kind === 'text' ? input.text : input.title;
      return { state, replies: [], action: { type: 'to_officer', text, documentIds: [] } };
    }
    case 'category': {
      const row = pick(CATEGORY_ROWS, input, CATEGORY_ALIASES);
      if (!row) return stay(state, messages.categoryNotRecognized(), messages.askCategory());
      return next(state, { ...state.answers, category: row.category }, 'nik');
    }
    case 'nik':
      return acceptNumber(state, input, ctx, 'nik');
    case 'kk':
      return acceptNumber(state, input, ctx, 'kk');
    case 'name': {
      const name = input.kind === 'text' ? input.text.trim().replace(/\s+/g, ' ') : '';
      if (name.length < NAME_MIN || name.length > NAME_MAX || !/^[\p{L}][\p{L} .'-]*$/u.test(name))
        return stay(state, messages.nameInvalid());
      return next(state, { ...state.answers, name }, 'description');
    }
    case 'description': {
      const description = input.kind === 'text' ? input.text.trim() : '';
      if (description.length < DESCRIPTION_MIN || description.length > ctx.descriptionMaxChars)
        return stay(state, messages.descriptionInvalid(ctx.descriptionMaxChars));
      return next(state, { ...state.answers, description }, 'kk_photo');
    }
    case 'kk_photo':
      return stay(state, messages.kkPhotoNeeded());
    case 'more_documents': {
      if (
        input.kind === 'text' &&
        ['selesai', 'sudah', 'lanjut', 'tidak ada'].includes(normalizeWords(input.text))
      )
        return { state: { ...state, step: 'summary' }, replies: [summaryOf(state.answers)] };
      return stay(state, messages.moreDocumentsHint());
    }
    case 'summary': {
      const button = pick(SUMMARY_BUTTONS, input);
      if (button?.id === 'summary.send') {
        const a = state.answers;
        return {
          state: toMenu(state),
          replies: [],
          action: {
            type: 'open_case',
            intakeSeq: state.intakeSeq,
            answers: {
              category: a.category!,
              nik: a.nik!,
              kkNumber: a.kkNumber!,
              name: a.name!,
              description: a.description!,
              kkDocumentId: a.kkDocumentId!,
              documentIds: a.documentIds,
            },
          },
        };
      }
      if (button?.id === 'summary.edit')
        return { state: { ...state, step: 'edit_choice' }, replies: [messages.askWhatToEdit()] };
      if (button?.id === 'summary.cancel')
        return { state: toMenu(state), replies: [messages.cancelled(), messages.menu()] };
      return stay(state, messages.summaryChoiceNeeded());
    }
    case 'edit_choice': {
      const row = pick(EDIT_ROWS, input);
      if (!row) return stay(state, messages.editNotRecognized());
      const step = EDIT_STEPS[row.id]!;
      return { state: { ...state, step, editing: true }, replies: questionOf(step) };
    }
  }
}
