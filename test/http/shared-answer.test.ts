/** An answer the data cache shares is serialized once: every request for it gets the same bytes. */
import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { sharedAnswer } from '../../src/http/shared-answer.js';

describe('a shared answer', () => {
  it('is serialized once: the same bytes for the same answer, new bytes for a new one', () => {
    const typed: string[] = [];
    const reply = {
      type(value: string) {
        typed.push(value);
        return reply;
      },
    } as unknown as FastifyReply;
    const answer = { org: 'Абай', posts: 48, reach: 0.0104 };
    const bytes = sharedAnswer(reply, answer);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(answer);
    expect(sharedAnswer(reply, answer)).toBe(bytes);
    const changed = sharedAnswer(reply, { ...answer, posts: 49 });
    expect(changed).not.toBe(bytes);
    expect(JSON.parse(changed.toString('utf8'))).toMatchObject({ posts: 49 });
    expect(typed).toEqual(Array(3).fill('application/json; charset=utf-8'));
  });
});
