import type { Attributes, AttributeValue, Link } from '@opentelemetry/api';
import type { Redactor } from '@fasttodo/redact';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';
import { ATTR_URL_FULL, ATTR_URL_PATH, ATTR_URL_QUERY } from '@opentelemetry/semantic-conventions';
import {
  ATTR_HTTP_TARGET,
  ATTR_HTTP_URL,
  ATTR_URL_ORIGINAL,
} from '@opentelemetry/semantic-conventions/incubating';
import { copySpan } from './span-copy';
import { memoize } from '../shared/memo';

/** Attributes holding a URL or part of one; they go through `redactUrl`. */
const URL_ATTRIBUTES = new Set<string>([
  ATTR_URL_FULL,
  ATTR_URL_PATH,
  ATTR_HTTP_URL,
  ATTR_HTTP_TARGET,
  ATTR_URL_ORIGINAL,
]);

/** One attribute value redacted by its full key (object key rules) and its content (URL or text rules). */
export function redactAttribute(
  key: string,
  value: AttributeValue | undefined,
  redactor: Redactor,
): AttributeValue | undefined {
  if (typeof value === 'string') {
    if (URL_ATTRIBUTES.has(key)) return redactor.redactUrl(value);
    if (key === ATTR_URL_QUERY) return redactor.redactUrl(`?${value}`).replace(/^\?/, '');
  }
  // The full key goes through the object key rules: its trailing words are matched, so
  // `session.id`, `http.request.header.x-api-key` and `db.connection_string` are censored as keys.
  return (redactor.redact({ [key]: value }) as Record<string, AttributeValue | undefined>)[key];
}

/** A redacted copy of span attributes (keys kept, values censored). */
export function redactAttributes(attributes: Attributes, redactor: Redactor): Attributes {
  const out: Attributes = {};
  for (const key of Object.keys(attributes)) out[key] = redactAttribute(key, attributes[key], redactor);
  return out;
}

/** A copy of a link with its attributes redacted (the same object when it has none). */
function redactLink(link: Link, redactor: Redactor): Link {
  if (!link.attributes) return link;
  return { ...link, attributes: redactAttributes(link.attributes, redactor) };
}

const NAME_CACHE_SIZE = 1000;

/**
 * Produces redacted copies of spans for export. Span and event names are few (route templates,
 * operation and event names), so their redacted form is memoised in a small bounded map.
 */
export class SpanRedactor {
  private readonly name = memoize((name: string) => this.redactor.redactText(name), NAME_CACHE_SIZE);

  constructor(private readonly redactor: Redactor) {}

  /**
   * A copy of `span` with its name, status message, attributes, event names and attributes
   * (exception messages and stack traces included) and link attributes passed through the redactor.
   */
  redact(span: ReadableSpan): ReadableSpan {
    const r = this.redactor;
    const status = span.status.message
      ? { ...span.status, message: r.redactText(span.status.message) }
      : span.status;
    return copySpan(span, {
      name: this.name(span.name),
      status,
      attributes: hasKeys(span.attributes) ? redactAttributes(span.attributes, r) : span.attributes,
      events: span.events.length > 0 ? span.events.map((e) => this.event(e)) : span.events,
      links: span.links.length > 0 ? span.links.map((l) => redactLink(l, r)) : span.links,
    });
  }

  private event(event: TimedEvent): TimedEvent {
    const copy = { ...event, name: this.name(event.name) };
    if (event.attributes) copy.attributes = redactAttributes(event.attributes, this.redactor);
    return copy;
  }
}

function hasKeys(attributes: Attributes): boolean {
  for (const _ in attributes) return true;
  return false;
}
