/**
 * Request and response types of a service's methods, read off its generated definition (the
 * only copy of the proto's shapes, architecture §4). For `type S = CaseProto[...]['CaseService']['service']`:
 * `HandlerRequest<S, 'CreateCase'>` is what a handler receives, `HandlerResponse<S, 'CreateCase'>`
 * what it answers; `ClientRequest` / `ClientResponse` are the client's side (every response
 * field present, as the loader's `defaults: true` fills them).
 */
export type MethodName<S> = keyof S & string;

export type HandlerRequest<S, M extends MethodName<S>> = S[M] extends {
  requestDeserialize: (bytes: Buffer) => infer R;
}
  ? R
  : never;

export type HandlerResponse<S, M extends MethodName<S>> = S[M] extends {
  responseSerialize: (value: infer R) => Buffer;
}
  ? R
  : never;

export type ClientRequest<S, M extends MethodName<S>> = S[M] extends {
  requestSerialize: (value: infer R) => Buffer;
}
  ? R
  : never;

export type ClientResponse<S, M extends MethodName<S>> = S[M] extends {
  responseDeserialize: (bytes: Buffer) => infer R;
}
  ? R
  : never;
