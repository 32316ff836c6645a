import { describe, expect, it } from 'vitest';
import { EVALUATION_SET, readEvaluationSet } from '../../src/services/analysis.service.js';
import { TOPICS } from '../../src/shared/vocabulary.js';
import { runCli } from '../helpers/cli.js';

const posts = readEvaluationSet(EVALUATION_SET);

describe('the labelled evaluation set', () => {
  it('holds at least 400 posts in ru and kk, every topic and both concreteness classes in both parts', () => {
    expect(posts.filter((post) => post.part !== 'fresh').length).toBeGreaterThanOrEqual(400);
    expect(posts.filter((post) => post.part === 'fresh').length).toBeGreaterThanOrEqual(100);
    expect(new Set(posts.map((post) => post.id)).size).toBe(posts.length);
    expect(posts.filter((post) => post.lang === 'ru').length).toBeGreaterThanOrEqual(150);
    expect(posts.filter((post) => post.lang === 'kk').length).toBeGreaterThanOrEqual(150);
    for (const part of ['dev', 'test', 'fresh'] as const) {
      const inPart = posts.filter((post) => post.part === part);
      for (const topic of TOPICS) {
        const ofTopic = inPart.filter((post) => post.primaryTopic === topic);
        expect(ofTopic.length, `${part} ${topic}`).toBeGreaterThanOrEqual(10);
      }
      for (const declarative of [true, false]) {
        expect(inPart.filter((post) => post.declarative === declarative).length).toBeGreaterThanOrEqual(40);
      }
    }
  });

  it('has reposts by marks and by near-copies of earlier posts on other channels', () => {
    const ids = posts.map((post) => post.id);
    const copies = posts.filter((post) => post.repostOf);
    expect(posts.filter((post) => post.forwardedFrom).length).toBeGreaterThanOrEqual(10);
    expect(copies.length).toBeGreaterThanOrEqual(5);
    for (const copy of copies) {
      const source = posts.find((post) => post.id === copy.repostOf);
      expect(ids.indexOf(copy.repostOf ?? '')).toBeLessThan(ids.indexOf(copy.id));
      expect(source?.channel).not.toBe(copy.channel);
    }
  });
});

describe('aqparat eval', () => {
  it('meets the targets on the held-out part and the fresh posts: macro-F1 ≥ 0.85, declarative ≥ 0.9', async () => {
    const run = await runCli(['eval', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      heldOut: { posts: number; macroF1: number; declarativeAccuracy: number; topics: { topic: string }[] };
      fresh: { posts: number; macroF1: number; declarativeAccuracy: number };
      development: { macroF1: number };
      all: { posts: number };
      heldOutWithModel: { macroF1: number };
      met: boolean;
    };
    expect(result.met).toBe(true);
    expect(result.heldOut.posts).toBe(posts.filter((post) => post.part === 'test').length);
    expect(result.heldOut.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(result.heldOut.declarativeAccuracy).toBeGreaterThanOrEqual(0.9);
    // Posts written after the lexicons were frozen.
    expect(result.fresh.posts).toBe(posts.filter((post) => post.part === 'fresh').length);
    expect(result.fresh.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(result.fresh.declarativeAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.heldOut.topics.map((row) => row.topic)).toEqual([...TOPICS]);
    expect(result.all.posts).toBe(posts.length);
  });

  it('prints precision, recall and F1 per topic in the language asked', async () => {
    const run = await runCli(['eval', '--lang', 'kk']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Құқықтық қорғау\s*│\s*\d,\d{3}\s*│\s*\d,\d{3}\s*│\s*\d,\d{3}\s*│\s*\d+/);
    expect(run.stdout).toContain('негізгі тақырыптың макро-F1 мәні');
    expect(run.stdout).toContain('Мақсаттар бағаланған бөлікте және жаңа жазбаларда орындалды');
  });
});
