/** The demo data use case: the Abai region of the seed brief. */
export { buildAbaiDemo as buildDemo, type DemoResult } from './demo/abai.demo.js';
