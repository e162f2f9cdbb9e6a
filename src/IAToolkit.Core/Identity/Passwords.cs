using Microsoft.AspNetCore.Identity;

namespace IAToolkit.Identity;

/// <summary>Hashes and checks passwords with ASP.NET Core Identity's PBKDF2 hasher.</summary>
internal sealed class Passwords
{
    // The hasher ignores the user instance; one placeholder serves every call.
    private static readonly UserAccount s_anyone = new() { Id = 0, Email = string.Empty, FirstName = string.Empty, LastName = string.Empty, Verified = false };
    private readonly PasswordHasher<UserAccount> _hasher = new();

    // Checked when a user is missing too, so that a login attempt takes as long either way.
    private readonly Lazy<string> _decoy;

    public Passwords() => _decoy = new Lazy<string>(() => Hash(Guid.NewGuid().ToString()));

    public string Hash(string password) => _hasher.HashPassword(s_anyone, password);

    public bool Verify(string? hash, string password)
    {
        var result = _hasher.VerifyHashedPassword(s_anyone, hash ?? _decoy.Value, password);
        return hash is not null && result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
    }
}
