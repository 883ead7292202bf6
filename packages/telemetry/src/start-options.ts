export type { InstrumentationList } from './config/redactor-option';
export { toSettings } from './config/settings';
