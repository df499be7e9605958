// Original file: pandawa/notification/v1/notification.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CustomerWindow as _pandawa_notification_v1_CustomerWindow, CustomerWindow__Output as _pandawa_notification_v1_CustomerWindow__Output } from '../../../pandawa/notification/v1/CustomerWindow.js';
import type { GetCustomerWindowRequest as _pandawa_notification_v1_GetCustomerWindowRequest, GetCustomerWindowRequest__Output as _pandawa_notification_v1_GetCustomerWindowRequest__Output } from '../../../pandawa/notification/v1/GetCustomerWindowRequest.js';

export interface NotificationServiceClient extends grpc.Client {
  GetCustomerWindow(argument: _pandawa_notification_v1_GetCustomerWindowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_notification_v1_CustomerWindow__Output>): grpc.ClientUnaryCall;
  GetCustomerWindow(argument: _pandawa_notification_v1_GetCustomerWindowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_notification_v1_CustomerWindow__Output>): grpc.ClientUnaryCall;
  GetCustomerWindow(argument: _pandawa_notification_v1_GetCustomerWindowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_notification_v1_CustomerWindow__Output>): grpc.ClientUnaryCall;
  GetCustomerWindow(argument: _pandawa_notification_v1_GetCustomerWindowRequest, callback: grpc.requestCallback<_pandawa_notification_v1_CustomerWindow__Output>): grpc.ClientUnaryCall;
  getCustomerWindow(argument: _pandawa_notification_v1_GetCustomerWindowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_notification_v1_CustomerWindow__Output>): grpc.ClientUnaryCall;
  getCustomerWindow(argument: _pandawa_notification_v1_GetCustomerWindowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_notification_v1_CustomerWindow__Output>): grpc.ClientUnaryCall;
  getCustomerWindow(argument: _pandawa_notification_v1_GetCustomerWindowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_notification_v1_CustomerWindow__Output>): grpc.ClientUnaryCall;
  getCustomerWindow(argument: _pandawa_notification_v1_GetCustomerWindowRequest, callback: grpc.requestCallback<_pandawa_notification_v1_CustomerWindow__Output>): grpc.ClientUnaryCall;
  
}

export interface NotificationServiceHandlers extends grpc.UntypedServiceImplementation {
  GetCustomerWindow: grpc.handleUnaryCall<_pandawa_notification_v1_GetCustomerWindowRequest__Output, _pandawa_notification_v1_CustomerWindow>;
  
}

export interface NotificationServiceDefinition extends grpc.ServiceDefinition {
  GetCustomerWindow: MethodDefinition<_pandawa_notification_v1_GetCustomerWindowRequest, _pandawa_notification_v1_CustomerWindow, _pandawa_notification_v1_GetCustomerWindowRequest__Output, _pandawa_notification_v1_CustomerWindow__Output>
}
