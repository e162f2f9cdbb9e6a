namespace IAToolkit.Identity;

/// <summary>The sign-up form as posted.</summary>
public sealed record SignUpInput(string? Email, string? FirstName, string? LastName, string? Password, string? ConfirmPassword);
