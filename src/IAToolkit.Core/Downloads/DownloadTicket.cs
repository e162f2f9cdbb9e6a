namespace IAToolkit.Downloads;

/// <summary>What <see cref="DownloadStore.SaveAsync"/> hands back: the token that opens the file, until it expires.</summary>
/// <param name="Token">256 random bits in base64url (43 characters); only its hash is stored.</param>
/// <param name="FileName">The file name as it was stored (made safe).</param>
/// <param name="ContentType">The media type.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
internal sealed record DownloadTicket(string Token, string FileName, string ContentType, long Size, DateTimeOffset ExpiresAt);
