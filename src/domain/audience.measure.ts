/**
 * Reach = followers ÷ members. A channel's followers as of a date are its latest snapshot on or before it, read
 * with the channel itself.
 */

/** Followers per member, as a fraction; `null` when there are no members to divide by. */
export function reach(followers: number, members: number | null): number | null {
  return members ? followers / members : null;
}
