/**
 * The preload's channel list (electron/contract/channels.ts, no zod) is the contract's channel
 * list (electron/contract/index.ts, zod) — same names, same order, no duplicates. The compiler
 * checks the same thing both ways; this catches it at run time too.
 */
import { describe, expect, it } from 'vitest';
import { channelList, INVOKE_CHANNEL, LOCKED_EVENT, listIsComplete } from '../../../electron/contract/channels.js';
import { channelNames, contract } from '../../../electron/contract/index.js';

describe('channelList', () => {
  it("equals the contract's channels", () => {
    expect([...channelList].sort()).toEqual(Object.keys(contract).sort());
    expect([...channelList]).toEqual([...channelNames]);
  });

  it('has no duplicates', () => {
    expect(new Set(channelList).size).toBe(channelList.length);
  });

  it('the compile-time completeness check holds', () => {
    expect(listIsComplete).toBe(true);
  });

  it('keeps the bridge IPC names out of the contract namespace', () => {
    expect(Object.keys(contract)).not.toContain(INVOKE_CHANNEL);
    expect(Object.keys(contract)).not.toContain(LOCKED_EVENT);
  });
});
