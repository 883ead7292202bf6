import { join } from 'node:path';
import { adapterSuite } from './support/adapter-suite';

adapterSuite(join(__dirname, 'support', 'driver.cjs'), {
  frameworkErrorBody: /"statusCode":500,"error":"Internal Server Error"/,
});
