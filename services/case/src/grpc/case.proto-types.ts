import type { CaseProto } from '@pandawa/grpc';

/**
 * Request and response types of pandawa.case.v1.CaseService, read off the generated service
 * definition (the only copy of the proto's shapes, DESIGN §4): `Req<'CreateCase'>` is what a
 * handler receives, `Res<'CreateCase'>` what it answers.
 */
type Service = CaseProto['pandawa']['case']['v1']['CaseService']['service'];
export type CaseMethod = keyof Service & string;

export type Req<M extends CaseMethod> = Service[M] extends {
  requestDeserialize: (bytes: Buffer) => infer R;
}
  ? R
  : never;

export type Res<M extends CaseMethod> = Service[M] extends {
  responseSerialize: (value: infer R) => Buffer;
}
  ? R
  : never;

export type CaseMessage = Res<'GetCase'>;

/** What a client receives (every field present, as the loader's `defaults: true` fills them). */
export type ResOut<M extends CaseMethod> = Service[M] extends {
  responseDeserialize: (bytes: Buffer) => infer R;
}
  ? R
  : never;

/** What a client sends (fields optional). */
export type ReqIn<M extends CaseMethod> = Service[M] extends {
  requestSerialize: (value: infer R) => Buffer;
}
  ? R
  : never;
