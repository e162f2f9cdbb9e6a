namespace IAToolkit.Identity;

/// <summary>A refused value: the form field (empty for the form as a whole) and why.</summary>
/// <param name="Field">The field name as the form posts it (<c>email</c>, <c>password</c>, …).</param>
/// <param name="Error">Why it was refused.</param>
internal sealed record FieldError(string Field, AccountError Error);
