/**
 * FastTodo's tables, created on start. Ids are text (random UUIDs made in Node) so that any id a client
 * sends in a path can be looked up without a cast error; `seq` keeps a user's todos in creation order.
 * The advisory lock serialises the statements across processes: two instances starting at once against an
 * empty database would otherwise race in `CREATE TABLE IF NOT EXISTS` and one would fail (23505 on pg_type).
 */
export const SCHEMA_SQL = `
BEGIN;
SELECT pg_advisory_xact_lock(7311337);
CREATE TABLE IF NOT EXISTS users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS todos (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  id text PRIMARY KEY,
  owner_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title text NOT NULL,
  completed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS todos_owner_seq_idx ON todos (owner_id, seq);
COMMIT;
`;
