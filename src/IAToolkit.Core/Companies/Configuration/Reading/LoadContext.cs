using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>What the section readers share while one company folder loads.</summary>
/// <param name="Folder">The absolute path of the company folder.</param>
/// <param name="DisplayFolder">The folder as shown in messages, e.g. <c>companies/acme</c>.</param>
/// <param name="Log">Where problems go.</param>
internal sealed record LoadContext(string Folder, string DisplayFolder, FolderProblems Log)
{
    /// <summary>The absolute path of a file given relative to the company folder.</summary>
    public string PathOf(string relative) => Path.Combine(Folder, relative);

    /// <summary>A file as shown in messages, e.g. <c>companies/acme/config/company.yaml</c>.</summary>
    public string Display(string relative) => $"{DisplayFolder}/{relative}";

    /// <summary>Whether a name from YAML is a plain file name (no folder, no <c>..</c>), so it stays inside the company folder.</summary>
    public static bool IsPlainFileName(string name)
        => name.Length > 0 && name == Path.GetFileName(name) && name is not ("." or "..") && name.IndexOfAny(['/', '\\']) < 0;
}
