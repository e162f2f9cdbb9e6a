namespace IAToolkit.Identity;

/// <summary>One sign-in attempt, as the audit records it.</summary>
/// <param name="CompanyId">The company signed into.</param>
/// <param name="UserIdentifier">The e-mail or external identifier given.</param>
/// <param name="External">Whether it came through external login.</param>
/// <param name="Succeeded">The outcome.</param>
/// <param name="Reason">Why it failed, as a short code (<c>invalid_credentials</c>, <c>not_verified</c>, …).</param>
/// <param name="SourceIp">The client's address.</param>
/// <param name="UserAgent">The client's User-Agent; only a short hash of it is stored.</param>
internal sealed record LoginAttempt(long? CompanyId, string UserIdentifier, bool External, bool Succeeded, string? Reason, string? SourceIp, string? UserAgent);
