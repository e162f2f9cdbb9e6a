namespace IAToolkit.Identity;

/// <summary>The sign-up form as posted.</summary>
internal sealed record SignUpInput(string? Email, string? FirstName, string? LastName, string? Password, string? ConfirmPassword);
