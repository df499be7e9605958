// Original file: pandawa/document/v1/document.proto


export interface DocumentAccess {
  'id'?: (string);
  'officeId'?: (string);
  'documentId'?: (string);
  'caseId'?: (string);
  'action'?: (string);
  'actorId'?: (string);
  'actorRole'?: (string);
  'actorOfficeId'?: (string);
  'reason'?: (string);
  'outcome'?: (string);
  'deniedReason'?: (string);
  'at'?: (string);
}

export interface DocumentAccess__Output {
  'id': (string);
  'officeId': (string);
  'documentId': (string);
  'caseId': (string);
  'action': (string);
  'actorId': (string);
  'actorRole': (string);
  'actorOfficeId': (string);
  'reason': (string);
  'outcome': (string);
  'deniedReason': (string);
  'at': (string);
}
