import type { StoredOfficeSettings } from '@pandawa/nats';
import { describe, expect, it } from 'vitest';
import { officerReplyNotice, statusChangeNotice } from '../src/domain/case-notice.js';
import { officeTemplates } from '../src/domain/office-templates.js';
import { officeTemplatesFrom } from '../src/events/office-templates.js';

const configured = {
  caseUpdate: 'pandawa_case_update',
  officerReply: 'pandawa_officer_reply',
  language: 'id',
};

describe("an office's templates from its settings", () => {
  it('are the configured ones themselves when the settings name none', () => {
    expect(officeTemplates(configured, undefined)).toBe(configured);
    expect(officeTemplates(configured, {})).toBe(configured);
  });

  it('replace each configured name the office set, and keep the configured language', () => {
    expect(officeTemplates(configured, { officer_reply: 'kantor_balasan' })).toEqual({
      caseUpdate: 'pandawa_case_update',
      officerReply: 'kantor_balasan',
      language: 'id',
    });
    expect(
      officeTemplates(configured, { case_update: 'kantor_kabar', officer_reply: 'kantor_balasan' }),
    ).toEqual({ caseUpdate: 'kantor_kabar', officerReply: 'kantor_balasan', language: 'id' });
  });

  it("go into the notices' fallback templates with the same parameters", () => {
    const templates = officeTemplates(configured, {
      case_update: 'kantor_kabar',
      officer_reply: 'kantor_balasan',
    });
    const ref = { caseId: 'c-1', trackingCode: 'PKU-1', citizen: { phone: '6281200000001' } };
    const status = statusChangeNotice({ ...ref, to: 'DIPROSES', actorRole: 'officer' }, templates);
    expect(status?.fallbackTemplate).toEqual({
      name: 'kantor_kabar',
      language: 'id',
      parameters: ['PKU-1', 'Sedang diproses'],
    });
    const reply = officerReplyNotice(
      { ...ref, messageId: 'm-1', text: 'x', asTemplate: true },
      templates,
    );
    expect(reply.message).toEqual({
      kind: 'template',
      template: { name: 'kantor_balasan', language: 'id', parameters: ['PKU-1'] },
    });
  });

  it('per office, from what the watch holds; an office without settings gets the configured', () => {
    const held = new Map<string, StoredOfficeSettings>([
      [
        'dumai',
        {
          revision: 3,
          settings: {
            schemaVersion: 1,
            officeId: 'dumai',
            updatedAt: '2026-11-20T00:00:00.000Z',
            updatedBy: 'admin-1',
            templates: { case_update: 'dumai_kabar' },
          },
        },
      ],
    ]);
    const templatesFor = officeTemplatesFrom(configured, { get: (o) => held.get(o) });
    expect(templatesFor('dumai').caseUpdate).toBe('dumai_kabar');
    expect(templatesFor('pekanbaru')).toBe(configured);
    expect(officeTemplatesFrom(configured, undefined)('dumai')).toBe(configured);
  });
});
