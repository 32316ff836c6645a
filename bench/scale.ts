/**
 * The sizes the benchmark runs at: the national demo of issue 8, and a tiny one that the smoke test (test/bench/)
 * runs and `npm run bench -- --scale tiny` checks end to end in a minute.
 */
import { NATIONAL_ROOT, NATIONAL_SIZE, type NationalSize } from '../src/services/demo.service.js';

export interface Scale {
  name: 'national' | 'tiny';
  demo: NationalSize;
  /** The organizations the dashboard workloads measure. */
  region: string;
  nation: string;
  /** Stored texts the classification workload labels. */
  classifyPosts: number;
  /** Messages of the synthetic Telegram export the import workload reads. */
  messages: number;
  /** Seconds of each timed load on the HTTP endpoint. */
  loadSeconds: number;
}

export const TINY_DEMO: NationalSize = {
  regions: 2,
  branchesPerRegion: 3,
  primariesPerBranch: 4,
  members: 1_000,
  channels: 20,
  days: 400,
  publications: 3_000,
  mentions: 200,
};

export const SCALES: Readonly<Record<Scale['name'], Scale>> = {
  national: {
    name: 'national',
    demo: NATIONAL_SIZE,
    region: 'nat-r01',
    nation: NATIONAL_ROOT,
    classifyPosts: 20_000,
    messages: 200_000,
    loadSeconds: 10,
  },
  tiny: {
    name: 'tiny',
    demo: TINY_DEMO,
    region: 'nat-r01',
    nation: NATIONAL_ROOT,
    classifyPosts: 200,
    messages: 2_000,
    loadSeconds: 1,
  },
};
