import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CitizenIdentity as _pandawa_notification_v1_CitizenIdentity, CitizenIdentity__Output as _pandawa_notification_v1_CitizenIdentity__Output } from './pandawa/notification/v1/CitizenIdentity.js';
import type { CustomerWindow as _pandawa_notification_v1_CustomerWindow, CustomerWindow__Output as _pandawa_notification_v1_CustomerWindow__Output } from './pandawa/notification/v1/CustomerWindow.js';
import type { GetCustomerWindowRequest as _pandawa_notification_v1_GetCustomerWindowRequest, GetCustomerWindowRequest__Output as _pandawa_notification_v1_GetCustomerWindowRequest__Output } from './pandawa/notification/v1/GetCustomerWindowRequest.js';
import type { NotificationServiceClient as _pandawa_notification_v1_NotificationServiceClient, NotificationServiceDefinition as _pandawa_notification_v1_NotificationServiceDefinition } from './pandawa/notification/v1/NotificationService.js';
import type { ReplyTemplate as _pandawa_notification_v1_ReplyTemplate, ReplyTemplate__Output as _pandawa_notification_v1_ReplyTemplate__Output } from './pandawa/notification/v1/ReplyTemplate.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pandawa: {
    notification: {
      v1: {
        CitizenIdentity: MessageTypeDefinition<_pandawa_notification_v1_CitizenIdentity, _pandawa_notification_v1_CitizenIdentity__Output>
        CustomerWindow: MessageTypeDefinition<_pandawa_notification_v1_CustomerWindow, _pandawa_notification_v1_CustomerWindow__Output>
        GetCustomerWindowRequest: MessageTypeDefinition<_pandawa_notification_v1_GetCustomerWindowRequest, _pandawa_notification_v1_GetCustomerWindowRequest__Output>
        NotificationService: SubtypeConstructor<typeof grpc.Client, _pandawa_notification_v1_NotificationServiceClient> & { service: _pandawa_notification_v1_NotificationServiceDefinition }
        ReplyTemplate: MessageTypeDefinition<_pandawa_notification_v1_ReplyTemplate, _pandawa_notification_v1_ReplyTemplate__Output>
      }
    }
  }
}

