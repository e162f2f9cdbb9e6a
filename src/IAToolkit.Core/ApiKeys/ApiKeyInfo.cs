namespace IAToolkit.ApiKeys;

/// <summary>A key as listings show it: never its hash, never the key.</summary>
/// <param name="Id">The key's row id.</param>
/// <param name="Name">The key's name.</param>
/// <param name="Prefix">The first characters of the key.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="LastUsedAt">When it last authenticated a request (UTC), to the minute; <see langword="null"/> if never.</param>
/// <param name="RevokedAt">When it was revoked (UTC); <see langword="null"/> while it is valid.</param>
internal sealed record ApiKeyInfo(long Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
