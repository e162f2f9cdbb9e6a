using Microsoft.Extensions.Logging;

namespace IAToolkit.Diagnostics;

/// <summary>The framework's log messages, with fixed event ids (1000s: start-up, 1100s: data).</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Loaded company {ShortName} (id {CompanyId}) from {Folder}")]
    public static partial void CompanyLoaded(ILogger logger, string shortName, long companyId, string folder);

    [LoggerMessage(1002, LogLevel.Warning, "{Problem}")]
    public static partial void ConfigurationWarning(ILogger logger, string problem);

    [LoggerMessage(1004, LogLevel.Information, "IAToolkit started with {CompanyCount} company(ies) in {ElapsedMs} ms")]
    public static partial void Started(ILogger logger, int companyCount, long elapsedMs);

    [LoggerMessage(1005, LogLevel.Warning, "No company is registered: call builder.AddIAToolkit().RegisterCompany<MyCompany>(\"my_company\")")]
    public static partial void NoCompanies(ILogger logger);

    [LoggerMessage(1101, LogLevel.Information, "Applied migration {Name} in {ElapsedMs} ms")]
    public static partial void MigrationApplied(ILogger logger, string name, long elapsedMs);

    [LoggerMessage(1102, LogLevel.Information, "Database is up to date ({Count} migration(s) applied)")]
    public static partial void DatabaseUpToDate(ILogger logger, int count);
}
