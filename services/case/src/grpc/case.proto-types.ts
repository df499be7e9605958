import type {
  CaseProto,
  ClientRequest,
  ClientResponse,
  HandlerRequest,
  HandlerResponse,
  MethodName,
} from '@pandawa/grpc';

/** pandawa.case.v1.CaseService's method types: `Req<'CreateCase'>` is what a handler receives. */
type Service = CaseProto['pandawa']['case']['v1']['CaseService']['service'];
export type CaseMethod = MethodName<Service>;
export type Req<M extends CaseMethod> = HandlerRequest<Service, M>;
export type Res<M extends CaseMethod> = HandlerResponse<Service, M>;
export type ReqIn<M extends CaseMethod> = ClientRequest<Service, M>;
export type ResOut<M extends CaseMethod> = ClientResponse<Service, M>;
export type CaseMessage = Res<'GetCase'>;
