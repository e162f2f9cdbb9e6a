using Microsoft.Extensions.Logging;

namespace IAToolkit.ApiKeys;

/// <summary>API key log messages (event ids 1200s). A key's prefix may be logged; the key never is.</summary>
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
}
