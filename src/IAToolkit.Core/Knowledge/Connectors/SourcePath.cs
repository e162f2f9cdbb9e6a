using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>
/// Checks the relative paths connectors accept: a document source's <c>path</c> and the path of a file written to
/// it. Nothing may climb out of its root, so <c>..</c>, absolute paths and (for files) dot-names are refused.
/// </summary>
internal static class SourcePath
{
    /// <summary>
    /// A source's folder or key prefix as <c>a/b/c</c> (empty for the root itself): separators unified, <c>.</c> and
    /// empty segments dropped; <see langword="null"/> with <paramref name="problem"/> set when it is absolute or climbs with <c>..</c>.
    /// </summary>
    public static string? NormalizeFolder(string path, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        problem = null;
        var unified = path.Trim().Replace('\\', '/');
        if (IsAbsolute(unified))
        {
            problem = "must be relative (to the content root, or to the connector's path or prefix), not absolute";
            return null;
        }

        var segments = unified.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToList();
        if (segments.Contains(".."))
        {
            problem = "may not contain '..'";
            return null;
        }

        return string.Join('/', segments);
    }

    /// <summary>
    /// A file's path as <c>a/b/name.pdf</c>; throws <see cref="ErrorCodes.InvalidRequest"/> when it is empty,
    /// absolute, ends with a separator, or has a segment that is empty-named, <c>..</c> or starts with a dot.
    /// </summary>
    public static string NormalizeFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var unified = path.Replace('\\', '/');
        if (unified.Length == 0 || IsAbsolute(unified) || unified.EndsWith('/'))
        {
            throw Invalid(path, "it must be a relative file path such as contracts/2024/contract.pdf");
        }

        var segments = unified.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments)
        {
            if (segment.StartsWith('.'))
            {
                throw Invalid(path, "no part of it may be '..' or start with a dot");
            }

            if (segment.Any(char.IsControl) || segment.Trim().Length == 0)
            {
                throw Invalid(path, "no part of it may be blank or hold control characters");
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>
    /// Whether <paramref name="path"/> is a file path <see cref="NormalizeFile"/> accepts unchanged; a bucket key that is
    /// not (<c>a//b</c>, <c>.hidden</c>, <c>x/../y</c>) is not listed, so every listed file can be opened.
    /// </summary>
    public static bool IsCanonicalFile(string path)
    {
        try
        {
            return string.Equals(NormalizeFile(path), path, StringComparison.Ordinal);
        }
        catch (IAToolkitException)
        {
            return false;
        }
    }

    private static bool IsAbsolute(string path)
        => path.StartsWith('/') || Path.IsPathRooted(path) || (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0]));

    private static IAToolkitException Invalid(string path, string reason)
        => new(ErrorCodes.InvalidRequest, $"The document path '{Printable(path)}' is refused: {reason}.");

    private static string Printable(string path) => new([.. path.Take(200).Select(c => char.IsControl(c) ? '?' : c)]);
}
