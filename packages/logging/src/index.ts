export { createLogger, type Logger } from './logger.js';
export { maskPersonalData, maskText, maskIdNumber, maskPhone, maskBsuid } from './mask.js';
