/** The demo data use cases: the Abai region of the seed brief, and the whole country at scale. */
export { buildAbaiDemo as buildDemo, type DemoResult } from './demo/abai.demo.js';
export {
  buildNationalDemo,
  NATIONAL_ROOT,
  NATIONAL_SIZE,
  type NationalSize,
  type NationalStage,
} from './demo/national.demo.js';
