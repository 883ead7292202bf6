/** Longest address RFC 5321 lets through a mail server. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * The address trimmed and lower-cased when it looks like `local@domain.tld`, else `undefined`. A plain scan,
 * no regular expression: linear in the input, which is capped at {@link MAX_EMAIL_LENGTH} first anyway.
 */
export function normalizeEmail(input: string): string | undefined {
  const email = input.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH) return undefined;
  const at = email.indexOf('@');
  if (at < 1 || at > 64 || at !== email.lastIndexOf('@')) return undefined;
  if (!hasOnlyAddressCharacters(email)) return undefined;
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  if (dot < 1 || dot === domain.length - 1 || domain.startsWith('.') || domain.includes('..'))
    return undefined;
  return email;
}

// Printable ASCII without spaces, quotes, brackets or commas: what real sign-up forms accept.
function hasOnlyAddressCharacters(email: string): boolean {
  for (let i = 0; i < email.length; i++) {
    const code = email.charCodeAt(i);
    if (code <= 0x20 || code >= 0x7f || '"(),:;<>[\\]'.includes(email[i] as string)) return false;
  }
  return true;
}
