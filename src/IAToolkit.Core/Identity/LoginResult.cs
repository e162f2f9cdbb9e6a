namespace IAToolkit.Identity;

/// <summary>The outcome of a sign-in: the user, or why not.</summary>
/// <param name="User">The signed-in user.</param>
/// <param name="Error">Why the sign-in was refused.</param>
/// <param name="RetryAfter">With <see cref="AccountError.TooManyAttempts"/>: how long the address must wait.</param>
internal sealed record LoginResult(UserAccount? User, AccountError? Error, TimeSpan? RetryAfter = null);
