using Microsoft.Extensions.Logging;

namespace IAToolkit.ApiKeys;

/// <summary>
/// API key log messages (event ids 1200s; the cache and revocation channel 2800s). A key's prefix may be logged; the
/// key never is.
/// </summary>
internal static partial class ApiKeyLog
{
    [LoggerMessage(1201, LogLevel.Information, "Created API key {KeyId} ({Prefix}, '{Name}') for company {ShortName}")]
    public static partial void Created(ILogger logger, long keyId, string prefix, string name, string shortName);

    [LoggerMessage(1202, LogLevel.Information, "Revoked API key {KeyId} ({Prefix}) of company {ShortName}")]
    public static partial void Revoked(ILogger logger, long keyId, string prefix, string shortName);

    [LoggerMessage(1203, LogLevel.Debug, "Refused a malformed API key without looking it up")]
    public static partial void Malformed(ILogger logger);

    [LoggerMessage(1204, LogLevel.Debug, "Refused an API key that is unknown or revoked")]
    public static partial void Unknown(ILogger logger);

    [LoggerMessage(2801, LogLevel.Debug, "Told {Hosts} listening host(s) that API key {KeyId} is revoked")]
    public static partial void RevocationPublished(ILogger logger, long keyId, long hosts);

    [LoggerMessage(2802, LogLevel.Warning, "Redis is unreachable: other hosts were not told that API key {KeyId} is revoked; they refuse it once their cached check expires (within {Lifetime})")]
    public static partial void RevocationNotPublished(ILogger logger, long keyId, TimeSpan lifetime, Exception exception);

    [LoggerMessage(2803, LogLevel.Debug, "Listening for API key revocations on {Channel}")]
    public static partial void Listening(ILogger logger, string channel);

    [LoggerMessage(2804, LogLevel.Warning, "Redis is unreachable: this host will hear of API key revocations once it is back; until then a revoked key keeps working here for at most {Lifetime}")]
    public static partial void NotListening(ILogger logger, TimeSpan lifetime, Exception? exception);

    [LoggerMessage(2805, LogLevel.Information, "The Redis connection ({ConnectionType}) is back: forgot every cached API key, since revocations may have been missed")]
    public static partial void Resumed(ILogger logger, string connectionType);
}
