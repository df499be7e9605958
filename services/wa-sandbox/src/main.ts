import { handleShutdown, runMain } from '@pandawa/lifecycle';
import { createLogger } from '@pandawa/logging';
import { loadSandboxConfig } from './config.js';
import { createSandbox } from './sandbox.js';

// Dev and test only: a stand-in for Meta's WhatsApp Cloud API. Never in production manifests.
await runMain('wa-sandbox', async () => {
  const config = loadSandboxConfig();
  const logger = createLogger({ service: 'wa-sandbox', level: config.LOG_LEVEL });
  const sandbox = await createSandbox({
    port: config.WA_SANDBOX_PORT,
    host: config.BIND_HOST,
    accessToken: config.WHATSAPP_ACCESS_TOKEN,
    appSecret: config.WHATSAPP_APP_SECRET,
    numbers: [
      {
        phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
        displayPhoneNumber: config.WHATSAPP_DISPLAY_PHONE_NUMBER,
        wabaId: config.WHATSAPP_BUSINESS_ACCOUNT_ID,
      },
    ],
    ...(config.WA_SANDBOX_WEBHOOK_URL ? { webhookUrl: config.WA_SANDBOX_WEBHOOK_URL } : {}),
    verifyToken: config.WHATSAPP_VERIFY_TOKEN,
    mediaUrlTtlMs: config.WA_SANDBOX_MEDIA_URL_TTL_MS,
    messagesPerSecond: config.WA_SANDBOX_MESSAGES_PER_SECOND,
    webhookRetryBaseMs: config.WA_SANDBOX_WEBHOOK_RETRY_BASE_MS,
    webhookRetryMaxMs: config.WA_SANDBOX_WEBHOOK_RETRY_MAX_MS,
    logger,
  });
  // Like Meta when a webhook is configured: the handshake, retried while the gateway starts.
  if (config.WA_SANDBOX_WEBHOOK_URL) {
    void (async () => {
      for (let attempt = 1; attempt <= 30; attempt++) {
        const result = await sandbox.verifyWebhook();
        if (result.verified) {
          logger.info('webhook endpoint verified');
          return;
        }
        if (result.status !== 0) {
          logger.warn({ status: result.status }, 'webhook endpoint refused verification');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 2000).unref());
      }
      logger.warn('webhook endpoint not reachable; webhooks will be retried');
    })();
  }
  handleShutdown(
    logger,
    [{ name: 'stop HTTP and webhook retries', run: () => sandbox.close() }],
    config.SHUTDOWN_TIMEOUT_MS,
  );
  logger.info(
    {
      url: sandbox.url,
      chat: `${sandbox.url}/sandbox/chat`,
      webhookUrl: config.WA_SANDBOX_WEBHOOK_URL,
    },
    'wa-sandbox ready',
  );
});
