import type { DocumentProto, HandlerRequest, HandlerResponse, MethodName } from '@pandawa/grpc';

/** pandawa.document.v1.DocumentService's method types: `Req<'GetDocument'>` is what a handler receives. */
type Service = DocumentProto['pandawa']['document']['v1']['DocumentService']['service'];
export type DocumentMethod = MethodName<Service>;
export type Req<M extends DocumentMethod> = HandlerRequest<Service, M>;
export type Res<M extends DocumentMethod> = HandlerResponse<Service, M>;
export type DocumentMessage = Res<'GetDocument'>;
