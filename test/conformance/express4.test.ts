import { runConformance } from './support/suite';

runConformance('express4');
