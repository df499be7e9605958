// Original file: pandawa/case/v1/case.proto

export const DeliveryStatus = {
  DELIVERY_STATUS_UNSPECIFIED: 'DELIVERY_STATUS_UNSPECIFIED',
  DELIVERY_PENDING: 'DELIVERY_PENDING',
  DELIVERY_SENT: 'DELIVERY_SENT',
  DELIVERY_DELIVERED: 'DELIVERY_DELIVERED',
  DELIVERY_READ: 'DELIVERY_READ',
  DELIVERY_FAILED: 'DELIVERY_FAILED',
} as const;

export type DeliveryStatus =
  | 'DELIVERY_STATUS_UNSPECIFIED'
  | 0
  | 'DELIVERY_PENDING'
  | 1
  | 'DELIVERY_SENT'
  | 2
  | 'DELIVERY_DELIVERED'
  | 3
  | 'DELIVERY_READ'
  | 4
  | 'DELIVERY_FAILED'
  | 5

export type DeliveryStatus__Output = typeof DeliveryStatus[keyof typeof DeliveryStatus]
