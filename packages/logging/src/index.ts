export { createLogger, type Logger } from './logger.js';
export { maskPersonalData, maskText, maskIdNumber, maskPhone } from './mask.js';
