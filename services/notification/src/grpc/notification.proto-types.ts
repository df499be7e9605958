import type { HandlerRequest, HandlerResponse, MethodName, NotificationProto } from '@pandawa/grpc';

/** pandawa.notification.v1.NotificationService's method types, read off the generated definition. */
type Service = NotificationProto['pandawa']['notification']['v1']['NotificationService']['service'];
export type NotificationMethod = MethodName<Service>;
export type Req<M extends NotificationMethod> = HandlerRequest<Service, M>;
export type Res<M extends NotificationMethod> = HandlerResponse<Service, M>;
