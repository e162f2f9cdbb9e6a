namespace IAToolkit.ApiKeys;

/// <summary>What a revocation did.</summary>
internal enum ApiKeyRevokeOutcome
{
    /// <summary>The key was valid and is now revoked.</summary>
    Revoked,

    /// <summary>The key had been revoked before; nothing changed.</summary>
    AlreadyRevoked,

    /// <summary>The company has no such key.</summary>
    NotFound,
}
