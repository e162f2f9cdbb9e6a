namespace IAToolkit.Identity;

/// <summary>Who is calling, for the login audit.</summary>
/// <param name="IpAddress">The client's address.</param>
/// <param name="UserAgent">The client's User-Agent header.</param>
internal sealed record ClientInfo(string? IpAddress, string? UserAgent);
