namespace IAToolkit.Identity;

/// <summary>The outcome of choosing a new password with a reset link.</summary>
/// <param name="Token">Whether the link was accepted (it is spent only when the new password is valid).</param>
/// <param name="Errors">Why the new password was refused.</param>
internal sealed record PasswordResetResult(TokenStatus Token, IReadOnlyList<FieldError> Errors)
{
    /// <summary>Whether the password was changed.</summary>
    public bool Succeeded => Token == TokenStatus.Redeemed && Errors.Count == 0;
}
