namespace IAToolkit.Identity;

/// <summary>Why an account operation was refused; the web layer shows each in the user's language.</summary>
internal enum AccountError
{
    /// <summary>A required field is empty.</summary>
    Required,

    /// <summary>The e-mail address is malformed.</summary>
    InvalidEmail,

    /// <summary>A name has characters other than letters, spaces, apostrophes, dots and hyphens, or is too long.</summary>
    InvalidName,

    /// <summary>The password does not meet the policy.</summary>
    PasswordTooWeak,

    /// <summary>The password and its confirmation differ.</summary>
    PasswordsDiffer,

    /// <summary>An account with the e-mail exists and the password given is not its password.</summary>
    AccountExists,

    /// <summary>Unknown e-mail or wrong password (deliberately not told apart).</summary>
    InvalidCredentials,

    /// <summary>The account has not verified its e-mail address.</summary>
    NotVerified,

    /// <summary>The account exists but does not belong to this company.</summary>
    NotMember,

    /// <summary>The e-mail could not be sent; nothing was stored. (Account mails are now queued, so the account flows no longer report it.)</summary>
    MailFailed,

    /// <summary>The company accepts sign-ups only from other e-mail domains (<c>parameters.signup.allowed_domains</c>).</summary>
    DomainNotAllowed,

    /// <summary>The company does not offer self sign-up (<c>parameters.signup.enabled: false</c>).</summary>
    SignUpClosed,

    /// <summary>Too many failed sign-ins for this e-mail address; wait and try again.</summary>
    TooManyAttempts,
}
