import { describe, expect, it } from 'vitest';
import { newId } from '../../../kernel/ids.ts';
import { newBeemVerificationId, pinIdOf, verificationIdOfPin } from '../../domain/beem-pin-ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Beem pinIds', () => {
  it('writes a Beem-made verification id as a UUIDv7 and reads it back', () => {
    for (let i = 0; i < 200; i++) {
      const now = 1_764_000_000_000 + i * 7_919;
      const id = newBeemVerificationId(now);
      expect(id).toMatch(/^ver_[0-9a-z]{26}$/);
      const pinId = pinIdOf(id) as string;
      expect(pinId).toMatch(UUID_V7);
      // The UUID's first 48 bits are the same milliseconds as the id's.
      expect(Number.parseInt(pinId.replaceAll('-', '').slice(0, 12), 16)).toBe(now);
      expect(verificationIdOfPin(pinId)).toBe(id);
      expect(verificationIdOfPin(pinId.toUpperCase())).toBe(id);
    }
  });

  it('keeps the creation order of ids in their pinIds', () => {
    const earlier = pinIdOf(newBeemVerificationId(1_000)) as string;
    const later = pinIdOf(newBeemVerificationId(2_000)) as string;
    expect(earlier < later).toBe(true);
  });

  it('reads an id answered before pinIds were UUIDs as itself', () => {
    const old = newId('ver', 1_764_000_000_000);
    expect(verificationIdOfPin(old)).toBe(old);
  });

  it('names no verification for other UUIDs and text', () => {
    // Beem's documented example is a v4 UUID: never one of ours.
    expect(verificationIdOfPin('8fa81447-4a14-4c2f-925b-78be40047c63')).toBeUndefined();
    expect(verificationIdOfPin('ver_x')).toBeUndefined();
    expect(verificationIdOfPin('')).toBeUndefined();
    expect(pinIdOf('chat_01')).toBeUndefined();
  });
});
