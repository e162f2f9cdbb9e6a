namespace IAToolkit.Identity;

/// <summary>The outcome of opening an external login link.</summary>
/// <param name="Status"><see cref="TokenStatus.Redeemed"/>, or why the link is refused.</param>
/// <param name="Ticket">The user to sign in, when redeemed.</param>
internal sealed record ExternalLoginRedemption(TokenStatus Status, ExternalLoginTicket? Ticket = null);
