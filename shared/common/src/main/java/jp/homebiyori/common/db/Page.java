package jp.homebiyori.common.db;

import java.util.List;
import java.util.function.Function;

/** One page of a listing and the opaque token of the next (null on the last page). */
public record Page<T>(List<T> items, String nextToken) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextToken);
    }
}
