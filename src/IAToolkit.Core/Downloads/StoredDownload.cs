namespace IAToolkit.Downloads;

/// <summary>A file opened with its token: what an endpoint needs to send it as an attachment.</summary>
/// <param name="FileName">The safe file name, for <c>Content-Disposition: attachment</c>.</param>
/// <param name="ContentType">The media type given when it was saved.</param>
/// <param name="Content">The bytes, exactly as saved.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
internal sealed record StoredDownload(string FileName, string ContentType, ReadOnlyMemory<byte> Content, DateTimeOffset ExpiresAt);
