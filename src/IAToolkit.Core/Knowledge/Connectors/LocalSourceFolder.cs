using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>
/// Where a local document source lives. The source's <c>path</c> is relative and is looked up under these roots,
/// first match wins:
/// <list type="number">
/// <item>the connector's own <c>path</c> when company.yaml gives one (absolute, or relative to the content root): the only root;</item>
/// <item>else <c>ROOT_DIR_LOCAL_FILES</c> when set (as Python deployments set it; absolute, or relative to the content root): the only root;</item>
/// <item>else the host's content root, then the folder two levels above the company folder (the root its
/// <c>companies/</c> folder sits in; this is where the build copies a company folder beside the binaries).</item>
/// </list>
/// When the folder exists under none of them, the first root is used (a write creates the folder there).
/// </summary>
/// <param name="FullPath">The absolute path of the source's folder.</param>
/// <param name="Display">The folder for messages: relative to the content root when inside it, else absolute.</param>
/// <param name="Exists">Whether the folder exists.</param>
/// <param name="Searched">Every folder looked at, for the message when it does not exist.</param>
internal sealed record LocalSourceFolder(string FullPath, string Display, bool Exists, IReadOnlyList<string> Searched)
{
    /// <summary>The configuration variable the Python project prefixes local source paths with.</summary>
    public const string RootVariable = "ROOT_DIR_LOCAL_FILES";

    /// <summary>Resolves <paramref name="relativeSourcePath"/> (already checked by <see cref="SourcePath.NormalizeFolder"/>).</summary>
    public static LocalSourceFolder Resolve(string contentRoot, string companyFolder, string? connectorPath, string? rootDirLocalFiles, string relativeSourcePath)
    {
        var roots = Roots(contentRoot, companyFolder, connectorPath, rootDirLocalFiles);
        var candidates = roots.Select(r => Path.GetFullPath(Path.Combine(r, relativeSourcePath))).Distinct(StringComparer.Ordinal).ToList();
        var found = candidates.FirstOrDefault(Directory.Exists);
        var full = found ?? candidates[0];
        return new LocalSourceFolder(full, DisplayOf(contentRoot, full), found is not null, [.. candidates.Select(c => DisplayOf(contentRoot, c))]);
    }

    private static List<string> Roots(string contentRoot, string companyFolder, string? connectorPath, string? rootDirLocalFiles)
    {
        var root = Path.GetFullPath(contentRoot);
        if (!string.IsNullOrWhiteSpace(connectorPath))
        {
            return [Path.GetFullPath(Path.Combine(root, connectorPath.Trim()))];
        }

        if (!string.IsNullOrWhiteSpace(rootDirLocalFiles))
        {
            return [Path.GetFullPath(Path.Combine(root, rootDirLocalFiles.Trim()))];
        }

        var roots = new List<string> { root };
        var companiesRoot = Directory.GetParent(Path.GetFullPath(companyFolder).TrimEnd(Path.DirectorySeparatorChar))?.Parent?.FullName;
        if (companiesRoot is not null && !string.Equals(companiesRoot, root, StringComparison.Ordinal))
        {
            roots.Add(companiesRoot);
        }

        return roots;
    }

    private static string DisplayOf(string contentRoot, string fullPath)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(contentRoot), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative.Replace('\\', '/');
    }
}
