// Original file: pandawa/document/v1/document.proto


export interface Preview {
  'mimeType'?: (string);
  'data'?: (Buffer | Uint8Array | string);
}

export interface Preview__Output {
  'mimeType': (string);
  'data': (Buffer);
}
