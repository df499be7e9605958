export { WhatsAppClient, type WhatsAppClientOptions } from './whatsapp.client.js';
export { GraphHttp, DEFAULT_GRAPH_API_VERSION, type GraphHttpOptions } from './graph.http.js';
export {
  MediaClient,
  type MediaMetadata,
  type DownloadOptions,
  type DownloadedMedia,
} from './media.client.js';
export {
  MessagesClient,
  type SendResult,
  type CommonSendOptions,
  type ReplyButton,
  type ButtonsMessage,
  type ListRow,
  type ListSection,
  type ListMessage,
  type TemplateMessage,
  type MediaMessage,
} from './messages.client.js';
export { LIMITS, charCount } from './message.limits.js';
export {
  WhatsAppApiError,
  WhatsAppLimitError,
  classifyGraphError,
  GRAPH_ERROR_CODES,
  type WhatsAppErrorKind,
  type GraphErrorBody,
} from './graph.errors.js';
export { signWebhookBody, verifyWebhookSignature, SIGNATURE_HEADER } from './webhook-signature.js';
export {
  webhookPayloadSchema,
  webhookEntrySchema,
  webhookChangeSchema,
  messagesChangeValueSchema,
  inboundMessageSchema,
  messageStatusSchema,
  webhookContactSchema,
  graphWebhookErrorSchema,
  KNOWN_MESSAGE_TYPES,
  KNOWN_STATUSES,
  type WebhookPayload,
  type MessagesChangeValue,
  type InboundMessage,
  type MessageStatus,
  type KnownMessageType,
  type WebhookContact,
} from './webhook.schema.js';
export {
  webhookItems,
  WEBHOOK_TIME_WINDOW,
  type WebhookItem,
  type WebhookItemsOptions,
  type UnhandledReason,
} from './webhook.items.js';
