import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/analysis/classify.js';
import { evaluateReal, type RealLabelledPost } from '../../src/analysis/evaluation.js';
import { readRealEvaluationSet, REAL_EVALUATION_SET } from '../../src/services/real-evaluation.service.js';
import type { ContentLang, Topic } from '../../src/shared/vocabulary.js';
import { runCli } from '../helpers/cli.js';

/** Ten texts written for these tests (not the real set): 4 in `dev`, 6 in `test`. */
const TINY = fileURLToPath(new URL('../fixtures/eval/real-tiny.jsonl', import.meta.url));
const tiny = readRealEvaluationSet([TINY]);

/** What a classifier said of each text, by id: language, primary topic, declarative. */
const SAID: Record<string, [ContentLang, Topic, boolean]> = {
  t01: ['ru', 'pay', false],
  t02: ['kk', 'other', true],
  t03: ['kk', 'other', true],
  t04: ['ru', 'other', false],
  // The held-out part: one Kazakh text called Russian, a Belarusian one Kazakh, a greeting `legal`.
  t05: ['kk', 'legal', false],
  t06: ['ru', 'legal', false],
  t07: ['kk', 'other', true],
  t08: ['ru', 'legal', true],
  t09: ['ru', 'pay', true],
  t10: ['mixed', 'other', true],
};

const stub = (post: RealLabelledPost): Classification => {
  const [language, primaryTopic, declarative] = SAID[post.id] ?? ['ru', 'other', true];
  return {
    language,
    languageConfidence: 1,
    primaryTopic,
    topics: [],
    concreteness: declarative ? 0 : 1,
    declarative,
    isRepost: false,
    repostSource: null,
    reasons: {} as Classification['reasons'],
  };
};

describe('evaluateReal', () => {
  it('measures one part: language per language with its confusion, topics, union macro-F1, legal precision', () => {
    const report = evaluateReal(tiny, stub, 'test');
    expect(report.posts).toBe(6);
    expect(report.unionPosts).toBe(3);
    expect(report.languages).toEqual([
      { lang: 'ru', support: 2, accuracy: 1 },
      { lang: 'kk', support: 2, accuracy: 0.5 },
      { lang: 'mixed', support: 1, accuracy: 1 },
      { lang: 'other', support: 1, accuracy: 0 },
    ]);
    expect(report.otherCyrillicAsOther).toBe(0);
    expect(report.languageAccuracy).toBeCloseTo(4 / 6);
    // Rows as labelled (ru, kk, mixed, other), columns as said.
    expect(report.languageConfusion.labels).toEqual(['ru', 'kk', 'mixed', 'other']);
    expect(report.languageConfusion.counts).toEqual([
      [2, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 1, 0, 0],
    ]);
    // `legal` said three times, right twice.
    expect(report.legalPredicted).toBe(3);
    expect(report.legalPrecision).toBeCloseTo(2 / 3);
    const legal = report.topics.find((row) => row.topic === 'legal');
    expect(legal).toMatchObject({ support: 2, recall: 1 });
    expect(report.topicConfusion.counts[report.topicConfusion.labels.indexOf('other')]).toEqual([
      1, 0, 0, 0, 0, 0, 0, 0, 0, 2,
    ]);
    // The union texts: t05 and t06 legal (both right), t09 pay (right): F1 1 for both topics.
    expect(report.unionTopics.map((row) => row.topic)).toEqual(['legal', 'pay']);
    expect(report.unionMacroF1).toBe(1);
    // t09 said declarative, labelled concrete.
    expect(report.declarativeAccuracy).toBeCloseTo(5 / 6);
  });

  it('keeps the parts apart', () => {
    const development = evaluateReal(tiny, stub, 'dev');
    expect(development.posts).toBe(4);
    expect(development.languages.find((row) => row.lang === 'other')).toEqual({
      lang: 'other',
      support: 1,
      accuracy: 0,
    });
    expect(development.legalPredicted).toBe(0);
    expect(development.declarativeAccuracy).toBe(0.75);
  });
});

describe('the real set', () => {
  it('holds ≥ 600 texts, ≥ 250 in ru and in kk, ≥ 200 on union, labour or education, each with its source and an open license', () => {
    const posts = readRealEvaluationSet();
    expect(posts.length).toBeGreaterThanOrEqual(600);
    expect(posts.filter((post) => post.lang === 'ru').length).toBeGreaterThanOrEqual(250);
    expect(posts.filter((post) => post.lang === 'kk').length).toBeGreaterThanOrEqual(250);
    expect(posts.filter((post) => post.union).length).toBeGreaterThanOrEqual(200);
    expect(posts.filter((post) => post.lang === 'other').length).toBeGreaterThan(0);
    expect(new Set(posts.map((post) => post.id)).size).toBe(posts.length);
    for (const post of posts) {
      expect(['CC-BY-4.0', 'CC-BY-SA-4.0'], post.id).toContain(post.license);
      expect(post.source, post.id).toMatch(/^[\w-]+\/[\w.-]+@[0-9a-f]{12}:\S+#\S+$/);
      expect(['dev', 'test'], post.id).toContain(post.part);
    }
    // The set as frozen (real0001–real0660): about 40 % development, 60 % held out, in each language. Texts added
    // later went to the development part only: the held-out part is the frozen one, 396 texts.
    const frozen = posts.slice(0, 660);
    expect(frozen.at(-1)?.id).toBe('real0660');
    expect(posts.slice(660).filter((post) => post.part !== 'dev')).toEqual([]);
    expect(posts.filter((post) => post.part === 'test').length).toBe(396);
    for (const lang of ['ru', 'kk', 'other'] as const) {
      const ofLang = frozen.filter((post) => post.lang === lang);
      const share = ofLang.filter((post) => post.part === 'dev').length / ofLang.length;
      expect(share, lang).toBeGreaterThan(0.35);
      expect(share, lang).toBeLessThan(0.45);
    }
    expect(readFileSync(REAL_EVALUATION_SET[0] ?? '', 'utf8').endsWith('\n')).toBe(true);
  });
});

describe('aqparat eval on a set in the real format', () => {
  it('reports the development and the held-out part apart, per language and per topic, with confusion matrices', async () => {
    const run = await runCli(['eval', '--set', TINY, '--json']);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as {
      set: string;
      met: boolean;
      targets: Record<string, number>;
      development: ReturnType<typeof evaluateReal>;
      heldOut: ReturnType<typeof evaluateReal>;
    };
    expect(result.set).toBe('real');
    expect(run.code).toBe(result.met ? 0 : 1);
    expect(result.targets).toEqual({
      languageRuKk: 0.98,
      otherCyrillicAsOther: 0.9,
      unionMacroF1: 0.85,
      legalPrecision: 0.9,
      declarative: 0.9,
    });
    expect(result.development.posts).toBe(4);
    expect(result.heldOut.posts).toBe(6);
    expect(result.heldOut.unionPosts).toBe(3);
    expect(result.heldOut.languages.map((row) => [row.lang, row.support])).toEqual([
      ['ru', 2],
      ['kk', 2],
      ['mixed', 1],
      ['other', 1],
    ]);
    // Each row of a confusion matrix sums to the texts labelled so.
    const rowSums = result.heldOut.languageConfusion.counts.map((row) => row.reduce((a, b) => a + b, 0));
    expect(rowSums).toEqual([2, 2, 1, 1]);
    const topicRows = result.heldOut.topicConfusion.counts.map((row) => row.reduce((a, b) => a + b, 0));
    expect(topicRows[result.heldOut.topicConfusion.labels.indexOf('legal')]).toBe(2);
    expect(topicRows.reduce((a, b) => a + b, 0)).toBe(6);
    expect(result.heldOut.unionTopics.map((row) => [row.topic, row.support])).toEqual([
      ['legal', 2],
      ['pay', 1],
    ]);
  });

  it('prints both parts in Kazakh: languages, topics with precision, recall and F1, the matrices and the targets', async () => {
    const run = await runCli(['eval', '--set', TINY, '--lang', 'kk']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'Нақты жиын, әзірлеуге арналған бөлік (оны қарауға болады): 4 мәтін, оның 2',
    );
    expect(run.stdout).toContain(
      'Нақты жиын, бөлек сақталған бөлік (жұмыс соңында бір рет бағаланады): 6 мәтін, оның 3',
    );
    expect(run.stdout).toMatch(/қазақ\s*│\s*2\s*│\s*\d,\d{3}/);
    expect(run.stdout).toMatch(/Құқықтық қорғау\s*│\s*\d,\d{3}\s*│\s*\d,\d{3}\s*│\s*\d,\d{3}\s*│\s*2/);
    expect(run.stdout).toContain('Тілдер: жолдарда — белгіленгені, бағандарда — анықталғаны');
    expect(run.stdout).toMatch(/1\. орыс\s*│\s*\d/);
    expect(run.stdout).toContain('«Құқықтық қорғау» тақырыбының дәлдігі');
    expect(run.stdout).toMatch(/Бөлек сақталған бөліктегі мақсаттар (орындалды|орындалмады)/);
  });

  it('still measures the written set as before when no real set is named', async () => {
    const run = await runCli(['eval', '--json']);
    const result = JSON.parse(run.stdout) as { heldOut: { posts: number }; fresh: { posts: number } };
    expect(result.heldOut.posts).toBe(212);
    expect(result.fresh.posts).toBe(100);
  });
});
