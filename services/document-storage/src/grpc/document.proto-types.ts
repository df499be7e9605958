import type { DocumentProto } from '@pandawa/grpc';

/**
 * Request and response types of pandawa.document.v1.DocumentService, read off the generated
 * service definition (the only copy of the proto's shapes, DESIGN §4).
 */
type Service = DocumentProto['pandawa']['document']['v1']['DocumentService']['service'];
export type DocumentMethod = keyof Service & string;

export type Req<M extends DocumentMethod> = Service[M] extends {
  requestDeserialize: (bytes: Buffer) => infer R;
}
  ? R
  : never;

export type Res<M extends DocumentMethod> = Service[M] extends {
  responseSerialize: (value: infer R) => Buffer;
}
  ? R
  : never;

export type DocumentMessage = Res<'GetDocument'>;
