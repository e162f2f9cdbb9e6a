namespace IAToolkit.Identity;

/// <summary>What a single-use e-mail token is for.</summary>
internal enum TokenPurpose
{
    /// <summary>Confirms the e-mail address of a new account.</summary>
    VerifyEmail,

    /// <summary>Lets the user choose a new password.</summary>
    ResetPassword,
}
