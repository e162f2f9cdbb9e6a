namespace IAToolkit.Identity;

/// <summary>A local user: one row of <c>iat_users</c>.</summary>
internal sealed record UserAccount
{
    /// <summary>The row id.</summary>
    public required long Id { get; init; }

    /// <summary>The e-mail address, lower-cased; the user's identifier.</summary>
    public required string Email { get; init; }

    /// <summary>The first name.</summary>
    public required string FirstName { get; init; }

    /// <summary>The last name.</summary>
    public required string LastName { get; init; }

    /// <summary>The PBKDF2 hash of the password (ASP.NET Core Identity format).</summary>
    public string? PasswordHash { get; init; }

    /// <summary>Whether the e-mail address has been verified.</summary>
    public required bool Verified { get; init; }

    /// <summary><c>en</c> or <c>es</c> when the user chose one.</summary>
    public string? PreferredLanguage { get; init; }

    /// <summary>Changes at every sign-out and password change; a session that carries an older one is refused.</summary>
    public string? SecurityStamp { get; init; }

    /// <summary>First and last name.</summary>
    public string FullName => $"{FirstName} {LastName}".Trim();
}
