using Microsoft.Extensions.Logging;

namespace IAToolkit.AspNet.Security;

/// <summary>Log messages of the key ring, the session checks and the sign-in backoff (event ids 2300-2349).</summary>
internal static partial class SessionLog
{
    [LoggerMessage(2300, LogLevel.Warning, "Ignored {Count} Data Protection key(s) in Redis that are not encrypted with IATOOLKIT_SECRET_KEY; sessions they signed have ended")]
    public static partial void PlainKeysIgnored(ILogger logger, int count);

    [LoggerMessage(2301, LogLevel.Information, "A session of user {UserId} was refused: it was ended by a sign-out or a password change")]
    public static partial void SessionRevoked(ILogger logger, string userId);

    [LoggerMessage(2302, LogLevel.Warning, "Could not read the session stamp from Redis; read it from the database: {Reason}")]
    public static partial void StampCacheUnavailable(ILogger logger, string reason);
}
