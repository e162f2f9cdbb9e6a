namespace IAToolkit.Identity;

/// <summary>Why an account operation was refused; the web layer shows each in the user's language.</summary>
public enum AccountError
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

    /// <summary>The e-mail could not be sent; nothing was stored.</summary>
    MailFailed,
}
