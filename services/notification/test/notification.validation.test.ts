import { requestFieldNames } from '@pandawa/grpc';
import { describe, expect, it } from 'vitest';
import {
  NOTIFICATION_REQUEST_BOUNDS,
  validateNotificationRequest,
} from '../src/grpc/notification.validation.js';

describe('notification request bounds', () => {
  it('bound every string and repeated field of every NotificationService request explicitly', () => {
    const fields = requestFieldNames(
      'pandawa/notification/v1/notification.proto',
      'pandawa.notification.v1.NotificationService',
    );
    expect(fields.length).toBeGreaterThanOrEqual(4);
    expect(fields.filter((f) => !(f in NOTIFICATION_REQUEST_BOUNDS))).toEqual([]);
  });

  it('refuses a NUL in the office and passes a valid identity through', () => {
    expect(() =>
      validateNotificationRequest('GetCustomerWindow', {
        officeId: 'pek\u0000',
        citizen: { bsuid: '', phone: '6281200000001' },
        trackingCode: '',
      }),
    ).toThrow(expect.objectContaining({ reason: 'FIELD_CONTROL_CHARACTER' }));
    expect(
      validateNotificationRequest('GetCustomerWindow', {
        officeId: 'pekanbaru',
        citizen: { bsuid: 'ID.123', phone: '' },
        trackingCode: '',
      }),
    ).toEqual({ bsuid: 'ID.123' });
  });
});
