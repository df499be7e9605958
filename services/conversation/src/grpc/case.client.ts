import { citizenKey, type CitizenIdentity } from '@pandawa/contracts';
import {
  callerMetadata,
  callUnary,
  createClient,
  loadProto,
  type CaseProto,
  type ClientResponse,
} from '@pandawa/grpc';
import type { CaseCategory } from '../domain/categories.js';
import type { CasePort, CitizenCase } from '../application/ports.js';

type CaseServiceDef = CaseProto['pandawa']['case']['v1']['CaseService'];
type CaseClient = InstanceType<CaseServiceDef>;
type CaseMessage = ClientResponse<CaseServiceDef['service'], 'GetCase'>;

/** Citizens see at most this many of their cases in a status check. */
const OWN_CASES_PAGE = 20;

function toCitizenCase(c: CaseMessage): CitizenCase {
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    status: String(c.status),
    category: String(c.category) as CaseCategory,
    createdAt: c.createdAt,
    firstResponseDueAt: c.sla?.firstResponseAt ? '' : (c.sla?.firstResponseDueAt ?? ''),
    handoffActive: c.handoff?.active ?? false,
    ...(c.statusDetail
      ? {
          statusDetail: {
            reason: c.statusDetail.reason,
            missingItems: c.statusDetail.missingItems,
            visitInstructions: c.statusDetail.visitInstructions,
          },
        }
      : {}),
  };
}

/**
 * CaseService over gRPC, as the citizen: `x-actor-role: citizen`, `x-actor-id` the citizen's
 * key (architecture §4), so the case service shows and changes only that citizen's cases.
 */
export class GrpcCasePort implements CasePort {
  private readonly client: CaseClient;

  constructor(
    address: string,
    private readonly deadlineMs: number,
  ) {
    const Ctor = loadProto<CaseProto>('pandawa/case/v1/case.proto').pandawa.case.v1.CaseService;
    this.client = createClient(Ctor, address);
  }

  private opts(officeId: string, citizen: CitizenIdentity) {
    return {
      deadlineMs: this.deadlineMs,
      // The whole identity of the signed webhook, so the case service can link the phone and
      // the BSUID and find cases stored under either (architecture §4).
      metadata: callerMetadata({
        id: citizenKey(citizen),
        role: 'citizen',
        officeId,
        citizen: {
          ...(citizen.bsuid ? { bsuid: citizen.bsuid } : {}),
          ...(citizen.phone ? { phone: citizen.phone } : {}),
        },
      }),
    };
  }

  async openCase(input: Parameters<CasePort['openCase']>[0]): Promise<CitizenCase> {
    const created = await callUnary(
      this.client,
      this.client.createCase,
      {
        officeId: input.officeId,
        idempotencyKey: input.idempotencyKey,
        category: input.category,
        citizen: {
          phone: input.citizen.phone ?? '',
          bsuid: input.citizen.bsuid ?? '',
          parentBsuid: input.citizen.parentBsuid ?? '',
          username: input.citizen.username ?? '',
          profileName: input.profileName,
          nik: input.nik,
          kkNumber: input.kkNumber,
          name: input.name,
        },
        description: input.description,
        documentIds: input.documentIds,
        requestOfficer: input.requestOfficer ?? false,
      },
      this.opts(input.officeId, input.citizen),
    );
    return toCitizenCase(created);
  }

  async listOwnCases(officeId: string, citizen: CitizenIdentity): Promise<CitizenCase[]> {
    const res = await callUnary(
      this.client,
      this.client.listCitizenCases,
      { officeId, pageSize: OWN_CASES_PAGE },
      this.opts(officeId, citizen),
    );
    return res.cases.map(toCitizenCase);
  }

  async addCitizenMessage(input: Parameters<CasePort['addCitizenMessage']>[0]): Promise<void> {
    await callUnary(
      this.client,
      this.client.addCitizenMessage,
      {
        officeId: input.officeId,
        caseId: input.caseId,
        text: input.text,
        documentIds: input.documentIds,
        waMessageId: input.waMessageId,
        requestOfficer: input.requestOfficer ?? false,
      },
      this.opts(input.officeId, input.citizen),
    );
  }

  async attachDocuments(input: Parameters<CasePort['attachDocuments']>[0]): Promise<void> {
    await callUnary(
      this.client,
      this.client.attachDocuments,
      { officeId: input.officeId, caseId: input.caseId, documentIds: input.documentIds },
      this.opts(input.officeId, input.citizen),
    );
  }

  close(): void {
    this.client.close();
  }
}
