import { CHAR } from './facts';
import { type Detector, replaceWhere } from './types';

// The whole domain or nothing (never a shorter one inside `a@host.co.uk:x`), and not followed by `:path`:
// `git@gitlab.com:group/app.git` is an SSH remote, not an address: a colon, then a path (a `/` follows its first
// segment, or it ends in `.git`). A colon and anything else (`/app/x@y.org.js:12:7`, `user@x.org:password`) does
// not make a remote.
const EMAIL =
  /(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9-]|:(?:[A-Za-z_~][\w.~-]{0,200}\/|\/|[A-Za-z_][\w.-]{0,200}\.git\b))/g;

/** Email addresses; `skipLocal` is a local part never treated as an address (the URL censor, after userinfo). */
export function emailDetector(skipLocal: string): Detector {
  const skip = `${skipLocal}@`;
  return {
    name: 'email',
    trigger: CHAR.at,
    gate: () => true,
    scan: (text, replace) => replaceWhere(text, EMAIL, 'email', replace, (m) => !m.startsWith(skip)),
  };
}
