// Original file: pandawa/case/v1/case.proto


export interface InternalNote {
  'id'?: (string);
  'actorId'?: (string);
  'text'?: (string);
  'createdAt'?: (string);
}

export interface InternalNote__Output {
  'id': (string);
  'actorId': (string);
  'text': (string);
  'createdAt': (string);
}
