import { runConformance } from './support/suite';

runConformance('koa2');
