// Original file: pandawa/case/v1/case.proto


export interface AuditEntry {
  'at'?: (string);
  'actorId'?: (string);
  'actorRole'?: (string);
  'action'?: (string);
  'before'?: (string);
  'after'?: (string);
  'reason'?: (string);
}

export interface AuditEntry__Output {
  'at': (string);
  'actorId': (string);
  'actorRole': (string);
  'action': (string);
  'before': (string);
  'after': (string);
  'reason': (string);
}
