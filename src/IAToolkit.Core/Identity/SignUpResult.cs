namespace IAToolkit.Identity;

/// <summary>What a sign-up did.</summary>
internal enum SignUpOutcome
{
    /// <summary>Nothing was stored; see the errors.</summary>
    Rejected,

    /// <summary>The account was created and a verification link e-mailed.</summary>
    VerificationSent,

    /// <summary>The account was created and can sign in at once (the company does not verify e-mail).</summary>
    Active,

    /// <summary>An existing account (same e-mail and password) was given access to the company.</summary>
    JoinedExisting,
}

/// <summary>The outcome of a sign-up, with every refused field when it was rejected.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Errors">Why it was rejected.</param>
internal sealed record SignUpResult(SignUpOutcome Outcome, IReadOnlyList<FieldError> Errors)
{
    /// <summary>A rejection for these reasons.</summary>
    public static SignUpResult Rejected(IReadOnlyList<FieldError> errors) => new(SignUpOutcome.Rejected, errors);
}
