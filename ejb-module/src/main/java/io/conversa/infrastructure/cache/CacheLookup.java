package io.conversa.infrastructure.cache;

import java.util.Optional;

/**
 * What a generation-keyed cache held for one request, and the key it was looked up under
 * ({@code key} null when Redis could not be asked). The answer a miss then computes is kept under that
 * same key: a request that read the data before a change and finished after the change's invalidation
 * would otherwise keep its old answer under the new generation until it expires.
 */
public record CacheLookup(String key, Optional<String> answer) {

    static CacheLookup unreachable() {
        return new CacheLookup(null, Optional.empty());
    }
}
