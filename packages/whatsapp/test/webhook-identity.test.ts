import { describe, expect, it } from 'vitest';
import { webhookItems, type WebhookItem } from '../src/index.js';
import {
  FIXTURE_CITIZEN,
  FIXTURE_CITIZEN_BSUID,
  fixtureBsuid,
  fixtureWamid,
  sampleIdentityChange,
  sampleMessages,
  sampleStatus,
  webhookPayload,
} from '../src/testing/index.js';

const only = <K extends WebhookItem['kind']>(items: WebhookItem[], kind: K) => {
  expect(items.map((i) => i.kind)).toEqual([kind]);
  return items[0] as Extract<WebhookItem, { kind: K }>;
};

describe('webhook identities (2026 shapes: BSUID first, phone optional)', () => {
  it('names a username citizen with no phone number by BSUID and username', () => {
    const bsuid = fixtureBsuid();
    const m = sampleMessages(null, bsuid);
    for (const message of [m.text!, m.image!]) {
      const items = webhookItems(
        webhookPayload({
          messages: [message],
          contacts: [{ profile: { name: 'Siti', username: 'siti.pku' }, user_id: bsuid }],
        }),
      );
      const item = only(items, 'message');
      expect(item.citizen).toEqual({ bsuid, username: 'siti.pku' });
      expect(item.profileName).toBe('Siti');
    }
  });

  it('names a phone citizen by both phone and BSUID, with the parent BSUID', () => {
    const message = sampleMessages().text!;
    const items = webhookItems(
      webhookPayload({
        messages: [message],
        contacts: [
          {
            profile: { name: 'Budi' },
            wa_id: FIXTURE_CITIZEN,
            user_id: FIXTURE_CITIZEN_BSUID,
            parent_user_id: 'ID.ENT.99887766',
          },
        ],
      }),
    );
    expect(only(items, 'message').citizen).toEqual({
      bsuid: FIXTURE_CITIZEN_BSUID,
      phone: FIXTURE_CITIZEN,
      parentBsuid: 'ID.ENT.99887766',
    });
  });

  it('names the recipient of a status sent to a BSUID, and of a failed status without contacts', () => {
    const bsuid = fixtureBsuid();
    const delivered = webhookItems(
      webhookPayload({ statuses: [sampleStatus('delivered', fixtureWamid(), null, bsuid)] }),
    );
    expect(only(delivered, 'status').recipient).toEqual({ bsuid });
    const failed = webhookItems(
      webhookPayload({ statuses: [sampleStatus('failed', fixtureWamid(), null, bsuid)] }),
    );
    const item = only(failed, 'status');
    expect(item.recipient).toEqual({ bsuid });
    expect(item.status.errors?.[0]?.code).toBe(131047);
  });

  it('turns user_changed_user_id and user_changed_number into identity changes', () => {
    const oldId = fixtureBsuid();
    const newId = fixtureBsuid();
    const byId = only(
      webhookItems(
        webhookPayload({
          messages: [
            sampleIdentityChange('user_changed_user_id', { bsuid: oldId }, { bsuid: newId }),
          ],
        }),
      ),
      'identity_changed',
    );
    expect(byId).toMatchObject({
      change: 'user_changed_user_id',
      previous: { bsuid: oldId },
      current: { bsuid: newId },
    });
    const byNumber = only(
      webhookItems(
        webhookPayload({
          messages: [
            sampleIdentityChange(
              'user_changed_number',
              { phone: FIXTURE_CITIZEN, bsuid: oldId },
              { phone: '6281299999999' },
            ),
          ],
        }),
      ),
      'identity_changed',
    );
    expect(byNumber).toMatchObject({
      previous: { phone: FIXTURE_CITIZEN, bsuid: oldId },
      current: { phone: '6281299999999', bsuid: oldId },
    });
  });

  it('keeps the good messages of a change and records only the bad one, with its reason', () => {
    const good = sampleMessages().text!;
    const noIdentity = { ...sampleMessages().text! };
    delete noIdentity.from;
    delete noIdentity.from_user_id;
    const future = { ...sampleMessages().text!, timestamp: '99999999999999999' };
    const broken = { id: fixtureWamid(), type: 'text' };
    const items = webhookItems(
      webhookPayload({
        messages: [noIdentity, good, future, broken],
        contacts: [{ wa_id: FIXTURE_CITIZEN, user_id: FIXTURE_CITIZEN_BSUID }, { profile: {} }],
      }),
    );
    expect(items.map((i) => (i.kind === 'unhandled' ? i.reason : i.kind))).toEqual([
      'NO_CITIZEN_IDENTITY',
      'message',
      'TIMESTAMP_OUT_OF_RANGE',
      'INVALID_MESSAGE',
    ]);
    expect(items.map((i) => i.kind === 'unhandled' && i.path)).toEqual([
      'entry[0].changes[0].messages[0]',
      false,
      'entry[0].changes[0].messages[2]',
      'entry[0].changes[0].messages[3]',
    ]);
  });

  it('refuses an identity not in WhatsApp format rather than keying a citizen on half of it', () => {
    const m = { ...sampleMessages().text!, from_user_id: 'not a bsuid' };
    const [item] = webhookItems(webhookPayload({ messages: [m] }));
    expect(item).toMatchObject({ kind: 'unhandled', reason: 'INVALID_CITIZEN_IDENTITY' });
  });
});
