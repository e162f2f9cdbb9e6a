namespace IAToolkit.ApiKeys;

/// <summary>The outcome of a revocation and the key it concerned (<see langword="null"/> when not found).</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Key">The key as it is now.</param>
internal sealed record ApiKeyRevocation(ApiKeyRevokeOutcome Outcome, ApiKeyInfo? Key);
