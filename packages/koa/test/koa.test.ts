import { join } from 'node:path';
import { adapterSuite } from '../../fastify/test/support/adapter-suite';

adapterSuite(join(__dirname, 'support', 'driver.cjs'), { frameworkErrorBody: /^Internal Server Error$/ });
