import type { CitizenIdentity, OutboundMessage } from '@pandawa/contracts';
import { isOpenStatus } from '../domain/categories.js';
import type { FlowAction, FlowState } from '../domain/intake.machine.js';
import type { OfficeHours } from '../domain/office-hours.js';
import { HANDOFF_NOTE, messages, STATUS_WORDS } from '../messages.id.js';
import { officeHoursOf, officeInfo, type OfficeInfoPort } from './office-info.js';
import type { CasePort, CitizenCase, DocumentPort } from './ports.js';

export interface ActionDeps {
  cases: CasePort;
  documents: DocumentPort;
  hours: OfficeHours;
  info: { address: string; whatToBring: string; holidays: string[] };
  /** The office's own settings (admin API), read for *Info & jam layanan*. */
  officeInfo?: OfficeInfoPort;
}

/** Who is talking and about which message: what every action needs. */
export interface ActionScope {
  officeId: string;
  citizen: CitizenIdentity;
  profileName: string;
  /** The inbound wamid: makes case-side writes idempotent. */
  messageId: string;
  /** `intake:<session hash>:<seq>` is derived from it. */
  sessionHash: string;
  sessionRef: (intakeSeq: number) => string;
  now: Date;
}

export interface ActionOutcome {
  replies: OutboundMessage[];
  /** The flow state after the action, when the action changes it. */
  state?: FlowState;
}

const newestOpen = (cases: CitizenCase[]) => cases.find((c) => isOpenStatus(c.status));

function statusText(c: CitizenCase): string {
  return STATUS_WORDS[c.status] ?? c.status;
}

function detailText(c: CitizenCase): string | undefined {
  const d = c.statusDetail;
  if (!d) return undefined;
  if (c.status === 'MENUNGGU_DATA' && d.missingItems.length)
    return `Yang perlu dikirim: ${d.missingItems.join(', ')}`;
  if (c.status === 'PERLU_KUNJUNGAN' && d.visitInstructions) return d.visitInstructions;
  if ((c.status === 'DITOLAK' || c.status === 'DIBATALKAN') && d.reason)
    return `Alasan: ${d.reason}`;
  return undefined;
}

/** Performs the one action a step of the flow asked for (architecture §6). */
export async function performAction(
  deps: ActionDeps,
  scope: ActionScope,
  action: FlowAction,
  state: FlowState,
): Promise<ActionOutcome> {
  const { cases, documents } = deps;
  const base = { officeId: scope.officeId, citizen: scope.citizen };
  switch (action.type) {
    case 'open_case': {
      const a = action.answers;
      const opened = await cases.openCase({
        ...base,
        profileName: scope.profileName,
        // One key per intake of this session: a redelivered Kirim finds the same case.
        idempotencyKey: `intake:${scope.sessionHash}:${action.intakeSeq}`,
        category: a.category,
        nik: a.nik,
        kkNumber: a.kkNumber,
        name: a.name,
        description: a.description,
        documentIds: [a.kkDocumentId, ...a.documentIds],
      });
      await documents.attachSession(scope.officeId, scope.sessionRef(action.intakeSeq), opened.id);
      const due = opened.firstResponseDueAt ? new Date(opened.firstResponseDueAt) : undefined;
      const hours = await officeHoursOf(deps, scope.officeId);
      const outsideHours = hours.isOpen(scope.now)
        ? undefined
        : messages.outsideServiceHours(hours.formatLocal(hours.nextOpening(scope.now)));
      return {
        replies: [
          messages.caseOpened({
            trackingCode: opened.trackingCode,
            expected: due ? deps.hours.formatLocal(due) : 'dalam jam layanan berikutnya',
            ...(outsideHours ? { outsideHours } : {}),
          }),
        ],
      };
    }
    case 'show_status': {
      const own = await cases.listOwnCases(scope.officeId, scope.citizen);
      if (action.trackingCode) {
        // Only the citizen's own cases are searched: a stranger's code reveals nothing.
        const found = own.find((c) => c.trackingCode === action.trackingCode);
        if (!found) return { replies: [messages.trackingCodeNotYours()] };
        const detail = detailText(found);
        return {
          replies: [
            messages.statusDetail({
              trackingCode: found.trackingCode,
              status: statusText(found),
              ...(detail ? { detail } : {}),
            }),
          ],
        };
      }
      if (own.length === 0) return { replies: [messages.noCases()] };
      return {
        replies: [
          messages.statusList(
            own.slice(0, 10).map((c) => ({
              trackingCode: c.trackingCode,
              status: statusText(c),
              category: c.category,
            })),
          ),
        ],
      };
    }
    case 'show_info':
      return { replies: [messages.info(await officeInfo(deps, scope.officeId))] };
    case 'handoff': {
      const own = await cases.listOwnCases(scope.officeId, scope.citizen);
      let target = newestOpen(own);
      if (target) {
        await cases.addCitizenMessage({
          ...base,
          caseId: target.id,
          text: HANDOFF_NOTE,
          documentIds: [],
          waMessageId: scope.messageId,
          requestOfficer: true,
        });
      } else {
        target = await cases.openCase({
          ...base,
          profileName: scope.profileName,
          idempotencyKey: `handoff:${scope.messageId}`,
          category: 'LAINNYA',
          nik: '',
          kkNumber: '',
          name: '',
          description: HANDOFF_NOTE,
          documentIds: [],
          requestOfficer: true,
        });
      }
      return {
        replies: [messages.handedOff(target.trackingCode)],
        state: { ...state, step: 'handoff', handoffCaseId: target.id },
      };
    }
    case 'free_text': {
      const open = newestOpen(await cases.listOwnCases(scope.officeId, scope.citizen));
      if (!open) return { replies: [messages.notUnderstood(), messages.menu()] };
      await cases.addCitizenMessage({
        ...base,
        caseId: open.id,
        text: action.text,
        documentIds: [],
        waMessageId: scope.messageId,
      });
      return { replies: [messages.messageAttached(open.trackingCode)] };
    }
    case 'free_document': {
      const open = newestOpen(await cases.listOwnCases(scope.officeId, scope.citizen));
      if (!open) {
        // Kept for the complaint the citizen is about to start.
        const answers = {
          ...state.answers,
          documentIds: [...state.answers.documentIds, action.documentId],
        };
        return {
          replies: [messages.documentKeptAtTextStep(), messages.menu()],
          state: { ...state, answers },
        };
      }
      await documents.attach(scope.officeId, action.documentId, open.id);
      await cases.attachDocuments({ ...base, caseId: open.id, documentIds: [action.documentId] });
      return { replies: [messages.documentAttached(open.trackingCode)] };
    }
    case 'to_officer': {
      const caseId = state.handoffCaseId!;
      for (const id of action.documentIds) await documents.attach(scope.officeId, id, caseId);
      await cases.addCitizenMessage({
        ...base,
        caseId,
        text: action.text || '(dokumen)',
        documentIds: action.documentIds,
        waMessageId: scope.messageId,
      });
      // Quiet: the officer answers.
      return { replies: [] };
    }
  }
}
