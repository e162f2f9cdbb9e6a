namespace IAToolkit.Identity;

/// <summary>Why a token was or was not accepted; each case gets its own page.</summary>
internal enum TokenStatus
{
    /// <summary>The token was valid and is now spent.</summary>
    Redeemed,

    /// <summary>No such token (mistyped, or for another company).</summary>
    Invalid,

    /// <summary>The token's lifetime has passed.</summary>
    Expired,

    /// <summary>The token was already used.</summary>
    AlreadyUsed,
}

/// <summary>The outcome of redeeming a token, with the user it belongs to when it was accepted.</summary>
/// <param name="Status">What happened.</param>
/// <param name="UserId">The user, when <see cref="TokenStatus.Redeemed"/>.</param>
internal sealed record TokenRedemption(TokenStatus Status, long? UserId = null);
