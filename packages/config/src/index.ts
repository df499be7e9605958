export { loadConfig, ConfigError } from './load-config.js';
export {
  commonEnv,
  natsEnv,
  mongoEnv,
  grpcClientEnv,
  whatsappApiEnv,
  port,
  duration,
  csv,
  bool,
} from './fields.js';
