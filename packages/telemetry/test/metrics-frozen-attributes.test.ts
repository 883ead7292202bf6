// The capped meter remembers its answer per immutable attribute object (the HTTP lifecycle passes one frozen
// object per series). Whatever can still change must be looked at again on every recording.
import { samples, testMetrics } from './metrics-helpers';

const NAME = 'app_calls_total';

async function recorded(
  record: (add: (attributes: Record<string, unknown>) => void) => void,
  seriesLimit = 2000,
) {
  const { metrics } = testMetrics({ seriesLimit });
  try {
    const counter = metrics.meter.createCounter('app.calls');
    record((attributes) => counter.add(1, attributes as never));
    return samples(await metrics.metricsText(), NAME);
  } finally {
    await metrics.shutdown();
  }
}

test('one frozen object recorded many times is one series, bounded exactly as a plain object is', async () => {
  const plain = { 'http.route': '/todos/:id', note: 'token sk_live_4eC39HqLyjWDarjtT1zdp7dc\u001b[31m' };
  const one = Object.freeze({ ...plain });
  const frozen = await recorded((add) => {
    for (let i = 0; i < 5; i++) add(one);
  });
  const once = await recorded((add) => {
    for (let i = 0; i < 5; i++) add({ ...plain });
  });
  expect(frozen).toHaveLength(1);
  expect(frozen[0]).toMatch(/ 5$/);
  expect(frozen).toEqual(once);
});

test('a mutable object changed between recordings gives one series per value', async () => {
  const attributes = { kind: 'a' };
  const series = await recorded((add) => {
    add(attributes);
    attributes.kind = 'b';
    add(attributes);
  });
  expect(series.map((line) => line.match(/kind="(\w)"/)?.[1]).sort()).toEqual(['a', 'b']);
});

test('a frozen object whose getter answers differently, or holding an array, is not remembered', async () => {
  let value = 'x';
  const withGetter = Object.freeze({
    get kind() {
      return value;
    },
  });
  const list = ['p'];
  const withArray = Object.freeze({ kinds: list });
  const series = await recorded((add) => {
    add(withGetter);
    value = 'y';
    add(withGetter);
    add(withArray);
    list[0] = 'q';
    add(withArray);
  });
  expect(series.filter((line) => /kind="[xy]"/.test(line))).toHaveLength(2);
  expect(series.filter((line) => line.includes('kinds='))).toHaveLength(2);
});

test('a frozen object refused by the series cap stays in the overflow series', async () => {
  const series = await recorded((add) => {
    add(Object.freeze({ k: 'first' }));
    const late = Object.freeze({ k: 'second' });
    add(late);
    add(late);
  }, 2);
  const overflow = series.filter((line) => line.includes('otel_metric_overflow="true"'));
  expect(overflow).toHaveLength(1);
  expect(overflow[0]).toMatch(/ 2$/);
  expect(series.some((line) => line.includes('k="second"'))).toBe(false);
});
