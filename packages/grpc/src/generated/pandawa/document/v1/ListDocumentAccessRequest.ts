// Original file: pandawa/document/v1/document.proto


export interface ListDocumentAccessRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'documentId'?: (string);
  'actorId'?: (string);
  'from'?: (string);
  'to'?: (string);
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListDocumentAccessRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'documentId': (string);
  'actorId': (string);
  'from': (string);
  'to': (string);
  'pageSize': (number);
  'pageToken': (string);
}
