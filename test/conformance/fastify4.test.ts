import { runConformance } from './support/suite';

runConformance('fastify4');
