namespace IAToolkit;

/// <summary>The profile of a user as a company describes it; every value becomes a prompt variable.</summary>
public sealed record CompanyUserInfo
{
    /// <summary>The identifier the user is known by (an e-mail for local users, the portal's id for external ones).</summary>
    public required string UserIdentifier { get; init; }

    /// <summary>The user's e-mail address, when known.</summary>
    public string? Email { get; init; }

    /// <summary>The user's full name, when known.</summary>
    public string? FullName { get; init; }

    /// <summary>Any further profile data (role, branch, ...), passed to prompts under its key.</summary>
    public IReadOnlyDictionary<string, object?> Extras { get; init; } = new Dictionary<string, object?>();
}
