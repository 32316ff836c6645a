/**
 * Node's options for the import's child processes beside their heap limits. The young generation's semi-space is
 * held at Node 20's 16 MB: Node 24 sizes it by the machine, and a reader of a 190 MB export then peaked at 267 MB of
 * resident memory against 165 MB with it (as bin/aqparat.js holds it for the command itself).
 */
export const YOUNG_GENERATION = '--max-semi-space-size=16';
