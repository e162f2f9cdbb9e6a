using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace IAToolkit.ApiKeys;

/// <summary>
/// The keys this host has found valid in the last <see cref="ApiKeyOptions.CacheLifetime"/>, by their SHA-256, so that
/// a request with a known key costs no database round trip. Only valid keys are kept, and at most
/// <see cref="ApiKeyOptions.CacheSize"/> of them: a client spraying random keys makes the cache no bigger (each of its
/// keys costs one query, as before). Concurrent requests with a key not yet cached share one lookup.
/// </summary>
internal sealed class ApiKeyCache
{
    private readonly ConcurrentDictionary<ApiKeyDigest, Entry> _entries = new();
    private readonly ConcurrentDictionary<ApiKeyDigest, Task<ApiKeyIdentity?>> _lookups = new();
    private readonly long _lifetimeMilliseconds;
    private readonly int _capacity;

    // Bumped by every removal, so that a lookup that read the row before a revocation arrived does not cache it after.
    private long _generation;

    public ApiKeyCache(IOptions<ApiKeyOptions> options)
    {
        _lifetimeMilliseconds = (long)options.Value.CacheLifetime.TotalMilliseconds;
        _capacity = options.Value.CacheSize;
        Lifetime = options.Value.CacheLifetime;
    }

    /// <summary>Whether keys are kept at all (a lifetime of zero turns the cache off).</summary>
    public bool IsEnabled => _lifetimeMilliseconds > 0;

    /// <summary>How long a key is trusted: the bound on a revocation this host did not hear about.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>The keys held now, expired ones not yet swept included.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The identity of the key with <paramref name="digest"/>: from the cache while its entry lives, else from
    /// <paramref name="lookup"/> (one at a time per key; the others wait for its answer). Valid keys are kept.
    /// </summary>
    public async Task<ApiKeyIdentity?> GetAsync(
        ApiKeyDigest digest, Func<ApiKeyDigest, CancellationToken, Task<ApiKeyIdentity?>> lookup, CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return await lookup(digest, cancellationToken);
        }

        if (_entries.TryGetValue(digest, out var entry))
        {
            if (Environment.TickCount64 < entry.ExpiresAt)
            {
                return entry.Identity;
            }

            _entries.TryRemove(KeyValuePair.Create(digest, entry));
        }

        if (!_lookups.TryGetValue(digest, out var shared))
        {
            var source = new TaskCompletionSource<ApiKeyIdentity?>(TaskCreationOptions.RunContinuationsAsynchronously);
            shared = _lookups.GetOrAdd(digest, source.Task);
            if (shared == source.Task)
            {
                _ = LoadAsync(digest, lookup, source);
            }
        }

        return await shared.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets one key (it was revoked).</summary>
    public void Remove(ApiKeyDigest digest)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(digest, out _);
    }

    /// <summary>Forgets every key (revocations may have been missed).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private async Task LoadAsync(ApiKeyDigest digest, Func<ApiKeyDigest, CancellationToken, Task<ApiKeyIdentity?>> lookup, TaskCompletionSource<ApiKeyIdentity?> source)
    {
        var generation = Interlocked.Read(ref _generation);

        // The entry's life counts from before the read, never from after it.
        var readAt = Environment.TickCount64;
        ApiKeyIdentity? identity;
        try
        {
            // Not the first caller's token: others wait on this lookup, and that caller going away must not fail them.
            identity = await lookup(digest, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _lookups.TryRemove(digest, out _);
            source.SetException(ex);
            return;
        }

        if (identity is not null && Interlocked.Read(ref _generation) == generation)
        {
            Store(digest, new Entry(identity, readAt + _lifetimeMilliseconds));
        }

        _lookups.TryRemove(digest, out _);
        source.SetResult(identity);
    }

    private void Store(ApiKeyDigest digest, Entry entry)
    {
        // Counting takes every lock of the dictionary; it happens once per key per lifetime, never on a hit.
        if (_entries.Count >= _capacity)
        {
            var now = Environment.TickCount64;
            foreach (var (key, held) in _entries)
            {
                if (held.ExpiresAt <= now)
                {
                    _entries.TryRemove(KeyValuePair.Create(key, held));
                }
            }

            if (_entries.Count >= _capacity)
            {
                // Full of live keys: this one is looked up each time until room frees up.
                return;
            }
        }

        _entries[digest] = entry;
    }

    private sealed record Entry(ApiKeyIdentity Identity, long ExpiresAt);
}
