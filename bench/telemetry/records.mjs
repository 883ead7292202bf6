// The two log records every telemetry benchmark writes: a two-field and a ten-field one, the same in each.
export const TWO_FIELDS = { route: '/todos', status: 200 };
export const TEN_FIELDS = {
  route: '/todos',
  status: 200,
  method: 'GET',
  user_id: 'u-123',
  todo_id: 42,
  duration_ms: 12.5,
  cache: 'hit',
  region: 'eu-west-1',
  retries: 0,
  tags: ['a', 'b'],
};
