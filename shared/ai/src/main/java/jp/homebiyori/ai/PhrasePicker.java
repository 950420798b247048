package jp.homebiyori.ai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses phrases by a stable hash of the message: the same message always gets the same choices,
 * different messages spread over the bank. Each slot draws from its own bits of the hash.
 */
final class PhrasePicker {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private final long seed;

    PhrasePicker(String text) {
        long hash = FNV_OFFSET;
        for (byte b : Texts.normalize(text.strip()).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        this.seed = hash;
    }

    int index(int slot, int size) {
        return (int) Long.remainderUnsigned(mix(seed + GOLDEN * (slot + 1)), size);
    }

    boolean flag(int slot) {
        return index(slot, 2) == 1;
    }

    String one(List<String> options, int slot) {
        return options.get(index(slot, options.size()));
    }

    /** {@code count} different phrases (consecutive in the bank, from a hashed start). */
    List<String> distinct(List<String> options, int count, int slot) {
        int start = index(slot, options.size());
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < Math.min(count, options.size()); i++) {
            picked.add(options.get((start + i) % options.size()));
        }
        return picked;
    }

    /** The splitmix64 finaliser: spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
