using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace IAToolkit.AspNet.Branding;

/// <summary>
/// Reads the files a company's pages show from its folder, keeping each in memory until the file changes: a page
/// checks the file's time and size (one stat) instead of reading it. Only files that exist are kept, so the cache
/// holds at most the few files companies ship. A file over its size limit is left out (logged), never half read.
/// </summary>
internal static partial class CompanyFiles
{
    private static readonly ConcurrentDictionary<string, CompanyFile> s_files = new(StringComparer.Ordinal);

    public static CompanyFile? Read(string path, int maxBytes, ILogger? logger)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            s_files.TryRemove(path, out _);
            return null;
        }

        if (info.Length > maxBytes)
        {
            if (logger is not null)
            {
                TooLarge(logger, path, info.Length, maxBytes);
            }

            return null;
        }

        if (s_files.TryGetValue(path, out var cached) && cached.Modified == info.LastWriteTimeUtc && cached.Body.Length == info.Length)
        {
            return cached;
        }

        byte[] body;
        try
        {
            body = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (logger is not null)
            {
                Unreadable(logger, path, exception);
            }

            return null;
        }

        if (body.Length > maxBytes)
        {
            return null;
        }

        var file = new CompanyFile(path, body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"", info.LastWriteTimeUtc);
        s_files[path] = file;
        return file;
    }

    [LoggerMessage(3150, LogLevel.Warning, "{Path} is {Size} bytes, over the {Limit} a page accepts; it is not shown")]
    private static partial void TooLarge(ILogger logger, string path, long size, int limit);

    [LoggerMessage(3151, LogLevel.Warning, "{Path} could not be read; it is not shown")]
    private static partial void Unreadable(ILogger logger, string path, Exception exception);
}
