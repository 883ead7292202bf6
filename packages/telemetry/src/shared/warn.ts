/** Receives a warning of the SDK (dropped spans, labels, exports, listener errors); never throws into the caller. */
export type Warn = (message: string, fields?: Record<string, unknown>) => void;
