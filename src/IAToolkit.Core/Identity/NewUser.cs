namespace IAToolkit.Identity;

/// <summary>The values of a user about to be inserted.</summary>
internal sealed record NewUser(string Email, string FirstName, string LastName, string PasswordHash, bool Verified, string? PreferredLanguage);
