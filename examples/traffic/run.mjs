// `node examples/traffic/run.mjs <baseUrl> [--json]`: runs the FastTodo scenario against a running service and
// prints each step with its status (or the steps as one JSON array with --json).
import { runScenario } from './scenario.mjs';

const [baseUrl, flag] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node examples/traffic/run.mjs <baseUrl> [--json]');
  process.exit(2);
}
const steps = await runScenario(baseUrl);
if (flag === '--json') console.log(JSON.stringify(steps));
else for (const { step, status } of steps) console.log(`${status} ${step}`);
