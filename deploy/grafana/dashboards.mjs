// The FastTodo Grafana dashboards, built with the Grafana Foundation SDK from the shared metric-name constants.
// generate.mjs writes them to dashboards/*.json; deploy/test/dashboards.test.ts checks the committed JSON is
// exactly this output, and deploy/test/promql.test.ts runs every query against a real Prometheus.
import {
  DashboardBuilder,
  DatasourceVariableBuilder,
  MappingType,
  RowBuilder,
} from '@grafana/grafana-foundation-sdk/dashboard';
import {
  LegendDisplayMode,
  LegendPlacement,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanel } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';
import {
  AI_BREAKER_NAME,
  AI_CACHE_NAME,
  BUSINESS_METRICS as B,
  RECORDED,
  RUNTIME_METRICS as R,
  SDK_METRICS,
  SLO,
  TELEMETRY_METRICS as T,
} from './metric-names.mjs';

// Grafana's data-source variable (the dashboard's `datasource` variable), not a JavaScript placeholder.
const DATASOURCE = { type: 'prometheus', uid: ['$', '{datasource}'].join('') };
const RATE = '$__rate_interval';
const HTTP = SDK_METRICS.httpServerDuration;
const BREAKER_SELECTOR = `breaker="${AI_BREAKER_NAME}"`;
const CACHE_SELECTOR = `cache="${AI_CACHE_NAME}"`;

/** A Prometheus query with its legend. */
function query(expr, legend, refId) {
  return new DataqueryBuilder().expr(expr).legendFormat(legend).refId(refId).datasource(DATASOURCE);
}

function withQueries(panel, queries) {
  queries.forEach(([expr, legend], i) => {
    panel.withTarget(query(expr, legend, String.fromCharCode(65 + i)));
  });
  return panel;
}

/** A time series panel; `queries` is a list of [expr, legend]. */
function timeseries(title, unit, queries) {
  const legend = new VizLegendOptionsBuilder()
    .showLegend(true)
    .displayMode(LegendDisplayMode.List)
    .placement(LegendPlacement.Bottom);
  const panel = new TimeseriesPanel()
    .title(title)
    .unit(unit)
    .datasource(DATASOURCE)
    .fillOpacity(10)
    .legend(legend);
  return withQueries(panel, queries);
}

function stat(title, unit, queries, mappings) {
  const panel = new StatPanel().title(title).unit(unit).datasource(DATASOURCE);
  if (mappings) panel.mappings(mappings);
  return withQueries(panel, queries);
}

/** p50/p95/p99 of a histogram by `by` (a label list, may be empty). */
function quantiles(metric, by, selector = '') {
  const group = by ? `${by}, le` : 'le';
  const legend = by ? `{{${by}}} ` : '';
  return ['0.5', '0.95', '0.99'].map((q) => [
    `histogram_quantile(${q}, sum by (${group}) (rate(${metric}_bucket${selector}[${RATE}])))`,
    `${legend}p${Number(q) * 100}`,
  ]);
}

/** Lays panels out two per row (12 columns wide, 8 high), rows as given. */
function dashboard(uid, title, description, sections) {
  const builder = new DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags(['fasttodo', 'generated'])
    .refresh('30s')
    .time({ from: 'now-6h', to: 'now' })
    .timezone('browser')
    .withVariable(new DatasourceVariableBuilder('datasource').label('Data source').type('prometheus'));
  let y = 0;
  let id = 0;
  for (const [rowTitle, panels] of sections) {
    id += 1;
    builder.withRow(new RowBuilder(rowTitle).id(id).gridPos({ h: 1, w: 24, x: 0, y }));
    y += 1;
    panels.forEach((panel, i) => {
      id += 1;
      panel.id(id).gridPos({ h: 8, w: 12, x: (i % 2) * 12, y: y + Math.floor(i / 2) * 8 });
      builder.withPanel(panel);
    });
    y += Math.ceil(panels.length / 2) * 8;
  }
  return builder.build();
}

const BREAKER_STATES = [
  {
    type: MappingType.ValueToText,
    options: {
      0: { text: 'closed', color: 'green', index: 0 },
      1: { text: 'half-open', color: 'yellow', index: 1 },
      2: { text: 'open', color: 'red', index: 2 },
    },
  },
];

function apiOverview() {
  const errors = `sum(rate(${HTTP}_count{http_response_status_code=~"5.."}[${RATE}]))`;
  return dashboard('fasttodo-api', 'FastTodo / API overview', 'Requests, errors and latency by route.', [
    [
      'Traffic and errors',
      [
        timeseries('Requests per second by route', 'reqps', [
          [
            `sum by (http_route, http_request_method) (rate(${HTTP}_count[${RATE}]))`,
            '{{http_request_method}} {{http_route}}',
          ],
        ]),
        timeseries('Responses per second by status code', 'reqps', [
          [
            `sum by (http_response_status_code) (rate(${HTTP}_count[${RATE}]))`,
            '{{http_response_status_code}}',
          ],
        ]),
        timeseries('Error % (5xx)', 'percent', [
          [`100 * ${errors} / sum(rate(${HTTP}_count[${RATE}]))`, '5xx %'],
          [
            `100 * sum by (http_route) (rate(${HTTP}_count{http_response_status_code=~"5.."}[${RATE}])) / sum by (http_route) (rate(${HTTP}_count[${RATE}]))`,
            '{{http_route}}',
          ],
        ]),
        timeseries('Errors by error.type', 'reqps', [
          [`sum by (error_type) (rate(${HTTP}_count{error_type!=""}[${RATE}]))`, '{{error_type}}'],
        ]),
      ],
    ],
    [
      'Latency',
      [
        timeseries('Latency p50 / p95 / p99 by route', 's', quantiles(HTTP, 'http_route')),
        timeseries('Latency p50 / p95 / p99 (all routes)', 's', quantiles(HTTP, '')),
      ],
    ],
    [
      'SLOs (burn rate 1 = budget spent exactly over 30 days)',
      [
        stat('Availability burn rate (1h)', 'none', [
          [`max(${RECORDED.errorRatio1h}) / ${(1 - SLO.availability).toFixed(3)}`, 'burn rate'],
        ]),
        stat('Latency burn rate (1h)', 'none', [
          [`max(${RECORDED.slowRatio1h}) / ${(1 - SLO.latency).toFixed(2)}`, 'burn rate'],
        ]),
      ],
    ],
  ]);
}

function businessKpis() {
  const perSecond = (metric, legend) => [`sum(rate(${metric}[${RATE}]))`, legend];
  return dashboard('fasttodo-business', 'FastTodo / Business KPIs', 'Logins, registrations and todos.', [
    [
      'Accounts',
      [
        timeseries('Logins per second by status', 'ops', [
          [`sum by (status) (rate(${B.logins}[${RATE}]))`, '{{status}}'],
        ]),
        timeseries('Registrations per second', 'ops', [perSecond(B.registrations, 'registrations')]),
        stat('Failed login %', 'percent', [
          [
            `100 * sum(rate(${B.logins}{status="failed"}[${RATE}])) / sum(rate(${B.logins}[${RATE}]))`,
            'failed %',
          ],
        ]),
      ],
    ],
    [
      'Todos',
      [
        timeseries('Todos created / completed / deleted per second', 'ops', [
          perSecond(B.todosCreated, 'created'),
          perSecond(B.todosCompleted, 'completed'),
          perSecond(B.todosDeleted, 'deleted'),
        ]),
        timeseries('Todos per user (p50 / p90, mean)', 'short', [
          [`histogram_quantile(0.5, sum by (le) (rate(${B.todosPerUser}_bucket[${RATE}])))`, 'p50'],
          [`histogram_quantile(0.9, sum by (le) (rate(${B.todosPerUser}_bucket[${RATE}])))`, 'p90'],
          [`sum(rate(${B.todosPerUser}_sum[${RATE}])) / sum(rate(${B.todosPerUser}_count[${RATE}]))`, 'mean'],
        ]),
      ],
    ],
  ]);
}

function aiService() {
  return dashboard('fasttodo-ai', 'FastTodo / AI service', 'The simulated LLM behind POST /ai/assist.', [
    [
      'Requests',
      [
        timeseries('AI requests per second by status', 'ops', [
          [`sum by (status) (rate(${B.aiRequests}[${RATE}]))`, '{{status}}'],
        ]),
        timeseries('AI error ratio', 'percentunit', [
          [`sum(rate(${B.aiErrors}[${RATE}])) / sum(rate(${B.aiRequests}[${RATE}]))`, 'errors / requests'],
        ]),
        timeseries('AI errors per second by error type', 'ops', [
          [`sum by (error_type) (rate(${B.aiErrors}[${RATE}]))`, '{{error_type}}'],
        ]),
        stat(
          'Circuit breaker state',
          'none',
          [[`max by (breaker) (${B.breakerState}{${BREAKER_SELECTOR}})`, '{{breaker}}']],
          BREAKER_STATES,
        ),
      ],
    ],
    [
      'Tokens and latency',
      [
        timeseries('Tokens per second by type', 'short', [
          [`sum by (type) (rate(${B.aiTokensUsed}[${RATE}]))`, '{{type}}'],
        ]),
        timeseries('AI latency p50 / p95 / p99', 's', quantiles(B.aiLatency, '')),
      ],
    ],
  ]);
}

function cache() {
  const hits = `sum(rate(${B.cacheHits}{${CACHE_SELECTOR}}[${RATE}]))`;
  const misses = `sum(rate(${B.cacheMisses}{${CACHE_SELECTOR}}[${RATE}]))`;
  return dashboard('fasttodo-cache', 'FastTodo / Cache', 'The AI reply cache.', [
    [
      'AI reply cache',
      [
        timeseries('Hit ratio', 'percentunit', [[`${hits} / (${hits} + ${misses})`, 'hit ratio']]),
        timeseries('Lookups per second', 'ops', [
          [hits, 'hits'],
          [misses, 'misses'],
        ]),
      ],
    ],
  ]);
}

function runtime() {
  return dashboard(
    'fasttodo-runtime',
    'FastTodo / Runtime and infrastructure',
    'Node.js process, database pool, telemetry pipeline.',
    [
      [
        'Process',
        [
          timeseries('CPU (cores) by mode', 'short', [
            [`sum by (instance, cpu_mode) (rate(${R.cpuTime}[${RATE}]))`, '{{instance}} {{cpu_mode}}'],
          ]),
          timeseries('Resident memory', 'bytes', [[`sum by (instance) (${R.memoryUsage})`, '{{instance}}']]),
          timeseries('V8 heap used by space', 'bytes', [
            [`sum by (v8js_heap_space_name) (${R.heapUsed})`, '{{v8js_heap_space_name}}'],
            [`sum(${R.heapLimit})`, 'heap size'],
          ]),
          timeseries('Event-loop delay', 's', [
            [`max by (instance) (${R.eventLoopDelayP50})`, '{{instance}} p50'],
            [`max by (instance) (${R.eventLoopDelayP99})`, '{{instance}} p99'],
            [`max by (instance) (${R.eventLoopDelayMax})`, '{{instance}} max'],
          ]),
          timeseries('Event-loop utilisation', 'percentunit', [
            [`max by (instance) (${R.eventLoopUtilization})`, '{{instance}}'],
          ]),
          timeseries('GC time per second by type', 's', [
            [`sum by (v8js_gc_type) (rate(${R.gcDuration}_sum[${RATE}]))`, '{{v8js_gc_type}}'],
          ]),
        ],
      ],
      [
        'Database',
        [
          timeseries('Active database connections', 'short', [
            [`sum by (instance) (${B.dbConnectionsActive})`, '{{instance}}'],
          ]),
          timeseries(
            'Query latency p50 / p95 / p99 by operation',
            's',
            quantiles(B.dbQueryDuration, 'operation'),
          ),
        ],
      ],
      [
        'Telemetry pipeline and targets',
        [
          timeseries('Spans dropped per second', 'short', [
            [`sum by (instance) (rate(${T.droppedSpans}[${RATE}]))`, '{{instance}}'],
          ]),
          stat('Targets up', 'none', [['sum by (job) (up{job="fasttodo"})', '{{job}}']]),
        ],
      ],
    ],
  );
}

/** Every dashboard by file name. */
export function buildDashboards() {
  return {
    'api-overview.json': apiOverview(),
    'business-kpis.json': businessKpis(),
    'ai-service.json': aiService(),
    'cache.json': cache(),
    'runtime.json': runtime(),
  };
}
