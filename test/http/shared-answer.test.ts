/**
 * An answer the data cache shares is serialized once, through the route's answer schema: every request for it
 * gets the same bytes.
 */
import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { sharedAnswer } from '../../src/http/shared-answer.js';

describe('a shared answer', () => {
  it('is serialized once, by the route’s serializer: the same bytes for the same answer, new bytes for a new one', () => {
    const typed: string[] = [];
    const serialized: unknown[] = [];
    const asked: unknown[][] = [];
    const reply = {
      statusCode: 200,
      type(value: string) {
        typed.push(value);
        return reply;
      },
      getSerializationFunction(...args: unknown[]) {
        asked.push(args);
        return (payload: unknown) => {
          serialized.push(payload);
          return JSON.stringify(payload);
        };
      },
    } as unknown as FastifyReply;
    const answer = { org: 'Абай', posts: 48, reach: 0.0104 };
    const bytesOf = (sent: object) => sent as unknown as Buffer;
    const bytes = bytesOf(sharedAnswer(reply, answer));
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(answer);
    expect(sharedAnswer(reply, answer)).toBe(bytes);
    expect(serialized).toEqual([answer]);
    expect(asked).toEqual([['200', 'application/json']]);
    const changed = bytesOf(sharedAnswer(reply, { ...answer, posts: 49 }));
    expect(changed).not.toBe(bytes);
    expect(JSON.parse(changed.toString('utf8'))).toMatchObject({ posts: 49 });
    expect(typed).toEqual(Array(3).fill('application/json; charset=utf-8'));
  });
});
